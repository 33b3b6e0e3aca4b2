import {
  type ChartIndicator,
  DEFAULT_PREFERENCES,
  isChartPreferences,
  type Preferences,
} from "@cryptotrade/contract/preference-choices";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useRouteLoaderData } from "react-router";
import type { loader as rootLoader } from "~/root";
import { useTRPC, useTRPCClient } from "~/trpc/react";
import type { CandleInterval } from "./interval-switch";

const STORAGE_KEY = "cryptotrade:chart";
const DEFAULT_INTERVAL: CandleInterval = "1m";

type ChartPreferences = Preferences["chart"];

/** What a visitor's browser kept, checked against the contract: it may be from an old version. */
function readStored(): ChartPreferences {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    const parsed: unknown = raw === null ? null : JSON.parse(raw);
    return isChartPreferences(parsed) ? parsed : DEFAULT_PREFERENCES.chart;
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
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const saved = useQuery({ ...trpc.account.preferences.queryOptions(), enabled: signedIn });
  const [local, setLocal] = useState<ChartPreferences | null>(null);
  useEffect(() => {
    if (!signedIn) setLocal(readStored());
  }, [signedIn]);

  // Saves go one at a time, each with every change made since the last was sent: two saves
  // in flight could land (or answer) out of order and undo the later choice.
  const unsent = useRef<Partial<ChartPreferences> | null>(null);
  const sending = useRef(false);
  const sendChanges = useCallback(async () => {
    const patch = unsent.current;
    if (sending.current || !patch) return;
    unsent.current = null;
    sending.current = true;
    const key = trpc.account.preferences.queryKey();
    try {
      const answer = await client.account.updatePreferences.mutate({ chart: patch });
      if (!unsent.current) queryClient.setQueryData(key, answer);
    } catch (error) {
      // The choice shown did not stick: show what the server keeps.
      console.warn("chart settings were not saved", error);
      void queryClient.invalidateQueries({ queryKey: key });
    } finally {
      sending.current = false;
      void sendChanges();
    }
  }, [client, queryClient, trpc]);

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
      // Shown at once; the server's answer to the last save then confirms it.
      queryClient.setQueryData(trpc.account.preferences.queryKey(), (before) =>
        before ? { ...before, chart: { ...before.chart, ...patch } } : before,
      );
      unsent.current = { ...unsent.current, ...patch };
      void sendChanges();
    },
    [signedIn, queryClient, trpc, sendChanges],
  );

  return {
    ready: current !== null,
    indicators: current?.indicators ?? DEFAULT_PREFERENCES.chart.indicators,
    interval: current?.interval ?? DEFAULT_INTERVAL,
    setIndicators: useCallback((indicators: ChartIndicator[]) => change({ indicators }), [change]),
    setInterval: useCallback((interval: CandleInterval) => change({ interval }), [change]),
  };
}
