import { fork } from "node:child_process";
import { once } from "node:events";
import { isLoadResult, type LoadJob, type LoadResult } from "./load-job";

// Resolved here so the child finds tsx whatever its working directory.
const TSX_LOADER = import.meta.resolve("tsx");

/**
 * Runs one load job in a separate Node process, so the load generator never shares a CPU
 * thread (or an event loop) with the server, and resolves with what it measured.
 *
 * @example
 * const result = await runLoad({ url, keys, procedure: "auth.me", mode: { kind: "closed", concurrency: 32 }, warmupMs: 2_000, durationMs: 10_000, seed: 1 });
 */
export async function runLoad(job: LoadJob): Promise<LoadResult> {
  const child = fork(new URL("./load-worker.ts", import.meta.url), [JSON.stringify(job)], {
    execArgv: ["--import", TSX_LOADER],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let result: LoadResult | undefined;
  child.on("message", (message) => {
    if (isLoadResult(message)) result = message;
  });
  const [code] = (await once(child, "exit")) as [number | null];
  if (!result) throw new Error(`the load process exited (code ${code}) without a result`);
  return result;
}
