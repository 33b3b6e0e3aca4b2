import type { NoticeWords } from "./notice-words";

/**
 * One toast: the notice's headline and detail on the app's surface tokens (light and dark),
 * with a stripe saying whether it is good news or not.
 */
export function NoticeToast({ words }: { words: NoticeWords }) {
  const assertive = words.urgency === "assertive";
  return (
    <div
      // An assertive notice is spoken by the layer's alert region; hidden here so it is not twice.
      aria-hidden={assertive || undefined}
      data-testid="notice-toast"
      className={`w-[min(22rem,calc(100vw-2rem))] rounded-md border border-border border-l-4 bg-surface-raised px-4 py-3 text-sm text-text shadow-lg ${assertive ? "border-l-sell" : "border-l-buy"}`}
    >
      <p className="font-medium tabular">{words.title}</p>
      <p className="mt-0.5 text-muted">{words.detail}</p>
    </div>
  );
}
