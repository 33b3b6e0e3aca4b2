import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { RequestErrorNotice } from "~/components/status/request-error-notice";
import { useTRPC } from "~/trpc/react";
import { type HistoryRange, historyInput } from "./history-range";
import { RangeSwitch } from "./range-switch";
import type { HistoryPoint } from "./types";
import { ValueLine } from "./value-line";

/**
 * Value over time with the range switch. The loader brings the last day; other ranges are
 * asked for when chosen. The current total ends the line, so it meets the number above it.
 */
export function ValueHistory({
  dayPoints,
  loadedAt,
  totalValue,
}: {
  dayPoints: HistoryPoint[];
  loadedAt: Date;
  totalValue: string;
}) {
  const { t } = useTranslation("portfolio");
  const trpc = useTRPC();
  const [range, setRange] = useState<HistoryRange>("1D");
  const input = useMemo(() => historyInput(range, new Date()), [range]);
  const history = useQuery({
    ...trpc.portfolio.history.queryOptions(input),
    enabled: range !== "1D",
    placeholderData: keepPreviousData,
  });
  const points = range === "1D" ? dayPoints : (history.data ?? []);
  const line = useMemo(
    () => [...points, { time: loadedAt, totalValue }],
    [points, loadedAt, totalValue],
  );
  return (
    <section aria-labelledby="history-heading" className="rounded-lg border border-border p-4">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="history-heading" className="text-lg font-semibold">
          {t("history.title")}
        </h2>
        <RangeSwitch value={range} onChange={setRange} />
      </div>
      {range !== "1D" && history.error ? (
        <RequestErrorNotice
          error={history.error}
          what={t("history.failed")}
          onRetry={() => void history.refetch()}
        />
      ) : range !== "1D" && history.isPending ? (
        <p className="flex h-44 items-center justify-center text-sm text-muted">
          {t("history.loading")}
        </p>
      ) : (
        <ValueLine points={line} rangeName={t(`ranges.${range}`)} />
      )}
    </section>
  );
}
