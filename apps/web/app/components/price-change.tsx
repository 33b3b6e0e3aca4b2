/**
 * A 24-hour change in percent, green up and red down, with a sign and an arrow so it also
 * reads without colour. Null (no trades yet) shows a dash.
 */
export function PriceChange({ percent }: { percent: string | null }) {
  if (percent === null) return <span className="text-muted">–</span>;
  const negative = percent.startsWith("-");
  const zero = /^-?0(\.0*)?$/.test(percent);
  if (zero) return <span className="tabular text-muted">0.00%</span>;
  const magnitude = negative ? percent.slice(1) : percent;
  return (
    <span className={`tabular ${negative ? "text-sell" : "text-buy"}`}>
      <span aria-hidden="true">{negative ? "▼ " : "▲ "}</span>
      {negative ? "−" : "+"}
      {magnitude}%
    </span>
  );
}
