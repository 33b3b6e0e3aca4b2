import { type ChildProcess, fork } from "node:child_process";

/** The tsx loader, so children run TypeScript sources the way `pnpm bench` runs this one. */
export const TSX_LOADER = import.meta.resolve("tsx");

/**
 * Forks one of this package's TypeScript entry points with an IPC channel, handing it its
 * settings as a single JSON argument.
 *
 * @example
 * const child = forkScript("naive-broadcast.ts", { ratePerSecond: 20, symbol: "SOL-USDT" });
 */
export function forkScript(entry: string, settings: unknown): ChildProcess {
  return fork(new URL(entry, import.meta.url), [JSON.stringify(settings)], {
    execArgv: ["--import", TSX_LOADER],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
}

/** Resolves with the first message the child sends that passes `accept`; rejects if it exits first. */
export function nextMessage<T>(
  child: ChildProcess,
  accept: (message: unknown) => message is T,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if (!accept(message)) return;
      child.off("exit", onExit);
      child.off("message", onMessage);
      resolve(message);
    };
    const onExit = (code: number | null, signal: string | null) => {
      child.off("message", onMessage);
      reject(
        new Error(`child ${child.pid} exited (code ${code}, signal ${signal}) before replying`),
      );
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}
