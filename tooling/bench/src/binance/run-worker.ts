import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";

// Resolved here so the child finds tsx whatever its working directory.
const TSX_LOADER = import.meta.resolve("tsx");

/** Workers still running: stopped by their pid if this process ends first (an error, Ctrl-C). */
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/**
 * Runs `worker` (a module's URL, written `new URL("./x.ts", import.meta.url)` where it is
 * called, so knip sees the worker as used) in a Node process of its own, so the load it makes
 * never shares a CPU thread or an event loop with the server or the bench; hands it `job` as
 * its one argument (JSON) and resolves with the one message it sends back that `isResult`
 * accepts. A worker that exits without one fails the run.
 *
 * @example
 * const result = await runWorker(new URL("./order-load-worker.ts", import.meta.url), job, isOrderLoadResult);
 */
export async function runWorker<T>(
  worker: URL,
  job: object,
  isResult: (message: unknown) => message is T,
): Promise<T> {
  const child = fork(worker, [JSON.stringify(job)], {
    execArgv: ["--import", TSX_LOADER],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  running.add(child);
  let result: T | undefined;
  child.on("message", (message) => {
    if (isResult(message)) result = message;
  });
  try {
    const [code] = (await once(child, "exit")) as [number | null];
    if (result === undefined)
      throw new Error(`${worker.pathname} exited (code ${code}) without a result`);
    return result;
  } finally {
    running.delete(child);
  }
}
