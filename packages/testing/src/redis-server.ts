import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { waitFor } from "./deadlines";

/** Whether the `redis-server` binary is on PATH (tests that kill a Redis need their own). */
export const hasRedisServer = spawnSync("redis-server", ["--version"]).status === 0;

/**
 * A redis-server of the test's own on `port`, with no persistence; resolves once it listens.
 * Restarting on the same port brings "the same" Redis back, empty.
 *
 * @example
 * const redis = await startRedisServer(await findFreePort());
 * await stopRedisServer(redis); // kill -9: an outage, not a clean stop
 */
export async function startRedisServer(port: number): Promise<ChildProcess> {
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  await waitFor(() => output.includes("Ready to accept connections"), 10_000, "redis-server");
  return child;
}

/**
 * Kills the redis-server with SIGKILL (if still running) and waits until it is gone.
 *
 * @example
 * afterAll(() => stopRedisServer(redis));
 */
export async function stopRedisServer(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGKILL");
  await exited;
}
