const LABELS = {
  idle: "Live updates paused",
  connecting: "Connecting to live updates…",
  pending: "Live",
  error: "Live updates interrupted; reconnecting",
} as const;

/** The state of a page's live subscription, announced politely when it changes. */
export function LiveStatus({ status }: { status: keyof typeof LABELS }) {
  return (
    <p className="text-sm text-muted" aria-live="polite" data-testid="live-status">
      <span
        aria-hidden="true"
        className={`mr-1 inline-block size-2 rounded-full ${status === "pending" ? "bg-buy" : "bg-muted"}`}
      />
      {LABELS[status]}
    </p>
  );
}
