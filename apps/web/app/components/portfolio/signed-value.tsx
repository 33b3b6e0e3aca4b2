import { useNumbers } from "~/lib/use-viewer";
import { formatSigned } from "./money";

/**
 * A profit, loss or change in USDT: green with ▲ and "+" when up, red with ▼ and "−" when
 * down, so it reads without colour too.
 */
export function SignedValue({ value, suffix = "" }: { value: string; suffix?: string }) {
  const { n } = useNumbers();
  const { text, sign } = formatSigned(value);
  if (sign === "flat") return <span className="tabular text-muted">{`${n(text)}${suffix}`}</span>;
  return (
    <span className={`tabular ${sign === "up" ? "text-buy" : "text-sell"}`}>
      <span aria-hidden="true">{sign === "up" ? "▲ " : "▼ "}</span>
      {`${n(text)}${suffix}`}
    </span>
  );
}
