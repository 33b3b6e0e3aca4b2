import {
  type ChartIndicator,
  DEFAULT_PREFERENCES,
  Preferences,
} from "@cryptotrade/contract/preferences";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { useRouteLoaderData } from "react-router";
import type { loader as rootLoader } from "~/root";
import { useTRPC } from "~/trpc/react";
import type { CandleInterval } from "./interval-switch";

const STORAGE_KEY = "cryptotrade:chart";
const DEFAULT_INTERVAL: CandleInterval = "1m";

type ChartPreferences = Preferences["chart"];

/** What a visitor's browser kept, checked against the contract: it may be from an old version. */
function readStored(): ChartPreferences {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    const parsed = Preferences.shape.chart.safeParse(raw === null ? null : JSON.parse(raw));
    return parsed.success ? parsed.data : DEFAULT_PREFERENCES.chart;
  } catch (error) {
    // Storage switched off, or not JSON: the visitor starts from the defaults.
    console.warn("chart settings are not read from localStorage", error);
    return DEFAULT_PREFERENCES.chart;
  }
}

function writeStored(chart: ChartPreferences) {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(chart));
  } catch (error) {
    console.warn("chart settings are not kept: localStorage is unavailable", error);
  }
}

/**
 * The chart's studies and interval as the viewer last left them: a signed-in trader's from
 * `account.preferences` (the same on every device), a visitor's from this browser. `ready` is
 * false until they are known, so the chart does not first load another interval's candles.
 *
 * @example
 * const chart = useChartPreferences();
 * chart.setIndicators(["volume", "rsi"]);
 */
export function useChartPreferences() {
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const signedIn = Boolean(root?.user);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const saved = useQuery({ ...trpc.account.preferences.queryOptions(), enabled: signedIn });
  const update = useMutation(
    trpc.account.updatePreferences.mutationOptions({
      onSuccess: (preferences) => {
        queryClient.setQueryData(trpc.account.preferences.queryKey(), preferences);
      },
      // The change shown at once did not stick: show what the server keeps.
      onError: () => queryClient.invalidateQueries(trpc.account.preferences.queryFilter()),
    }),
  );
  const [local, setLocal] = useState<ChartPreferences | null>(null);
  useEffect(() => {
    if (!signedIn) setLocal(readStored());
  }, [signedIn]);

  // A failed load still draws the chart, with the defaults.
  const current = signedIn
    ? (saved.data?.chart ?? (saved.isError ? DEFAULT_PREFERENCES.chart : null))
    : local;

  const change = useCallback(
    (patch: Partial<ChartPreferences>) => {
      if (!signedIn) {
        setLocal((before) => {
          const next = { ...(before ?? DEFAULT_PREFERENCES.chart), ...patch };
          writeStored(next);
          return next;
        });
        return;
      }
      // Shown at once; the server's answer then replaces it.
      queryClient.setQueryData(trpc.account.preferences.queryKey(), (before) =>
        before ? { ...before, chart: { ...before.chart, ...patch } } : before,
      );
      update.mutate({ chart: patch });
    },
    [signedIn, queryClient, trpc, update.mutate],
  );

  return {
    ready: current !== null,
    indicators: current?.indicators ?? DEFAULT_PREFERENCES.chart.indicators,
    interval: current?.interval ?? DEFAULT_INTERVAL,
    saving: update.isPending,
    setIndicators: useCallback((indicators: ChartIndicator[]) => change({ indicators }), [change]),
    setInterval: useCallback((interval: CandleInterval) => change({ interval }), [change]),
  };
}
