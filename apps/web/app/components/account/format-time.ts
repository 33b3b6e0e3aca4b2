const FORMAT = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/**
 * A moment as "30 Nov 2026, 14:05 UTC": the same text on the server and in the browser (no
 * hydration mismatch across time zones), and unambiguous for a security record.
 */
export function formatTime(time: Date | string | null | undefined): string {
  if (!time) return "—";
  const date = typeof time === "string" ? new Date(time) : time;
  if (Number.isNaN(date.getTime())) return "—";
  return `${FORMAT.format(date)} UTC`;
}
