import type { ChildProcess } from "node:child_process";
import { forkScript, nextMessage } from "./fork-script";
import {
  type FromNaiveServer,
  isMessage,
  type NaiveServerSettings,
  type ToNaiveServer,
} from "./ipc";

export interface NaiveServer {
  url: string;
  pid: number;
  /** Starts broadcasting at the configured rate. */
  start(): void;
  /** Stops, ends the process, and says how many updates it broadcast. */
  stop(): Promise<number>;
}

/**
 * Runs the naive broadcast loop in a process of its own, as the exchange server runs in its own.
 *
 * @example
 * const naive = await startNaiveServer({ ratePerSecond: 20, symbol: "SOL-USDT" });
 */
export async function startNaiveServer(settings: NaiveServerSettings): Promise<NaiveServer> {
  const child: ChildProcess = forkScript("naive-broadcast.ts", settings);
  const send = (message: ToNaiveServer) => child.send(message);
  const listening = await nextMessage(
    child,
    isMessage<Extract<FromNaiveServer, { type: "listening" }>>("listening"),
  );
  return {
    url: `ws://127.0.0.1:${listening.port}`,
    pid: child.pid ?? -1,
    start: () => send({ type: "start" }),
    stop: async () => {
      const stopped = nextMessage(
        child,
        isMessage<Extract<FromNaiveServer, { type: "stopped" }>>("stopped"),
      );
      send({ type: "stop" });
      return (await stopped).sent;
    },
  };
}
