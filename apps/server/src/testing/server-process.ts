import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { findFreePort } from "@cryptotrade/testing/free-port";
import { SHUTDOWN_LIMIT_MS } from "../graceful-stop";

export interface ServerProcessOptions {
  /** The port to listen on; a free one when omitted. Reuse it to restart "the same" server. */
  port?: number;
  /** Environment on top of PATH/HOME; nothing else of this process's environment leaks in. */
  env: Record<string, string>;
  /** How long to wait for `/readyz` before giving up. */
  readyTimeoutMs?: number;
  /**
   * Run the build (`dist/start.js`, as the image does) instead of `src/start.ts` under tsx.
   * The build must exist: call `buildServer()` first.
   */
  built?: boolean;
}

/** How a process ended: its exit code, or the signal that ended it. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  pid: number;
  /** Milliseconds from spawn until `/readyz` first answered 200. */
  readyAfterMs: number;
  /**
   * Sends the signal (SIGKILL by default; SIGKILL anyway once the server has outlived its own
   * shutdown limit twice over) and resolves once the process is gone, with how it ended.
   */
  kill(signal?: NodeJS.Signals): Promise<ProcessExit>;
  /** The last lines the process wrote, for failure messages. */
  output(): string;
  /** Whether the process is still running. */
  alive(): boolean;
}

const serverDir = fileURLToPath(new URL("../..", import.meta.url));
const OUTPUT_LIMIT = 64 * 1024;
let building: Promise<void> | undefined;

/**
 * Builds the server into `apps/server/dist` (`pnpm --filter @cryptotrade/server build`), once
 * per process however often it is called, so `startServerProcess({ built: true })` runs what
 * the image runs, from the current source.
 *
 * @example
 * await buildServer();
 * const server = await startServerProcess({ built: true, env: { DATABASE_URL: url } });
 */
export function buildServer(): Promise<void> {
  building ??= (async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/build.ts"], {
      cwd: serverDir,
      env: baseEnv(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const [code] = (await once(child, "exit")) as [number | null];
    if (code !== 0) throw new Error(`the server build failed (${code}):\n${output}`);
  })();
  return building;
}

/**
 * Starts the real server (`src/start.ts` under tsx, as `pnpm dev` does, or with `built` the
 * bundle `dist/start.js`, as `pnpm start` and the image do) as a child process bound to
 * 127.0.0.1 and waits until `/readyz` answers 200, so crashes and restarts are real ones.
 *
 * @example
 * const server = await startServerProcess({ env: { DATABASE_URL: url, LOG_LEVEL: "warn" } });
 * await server.kill("SIGKILL");
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const port = options.port ?? (await findFreePort());
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const entry = options.built
    ? ["--enable-source-maps", "dist/start.js"]
    : ["--import", "tsx", "src/start.ts"];
  const child = spawn(process.execPath, entry, {
    cwd: serverDir,
    env: { ...baseEnv(), HOST: "127.0.0.1", ...options.env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_LIMIT);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  // A test that dies must not leave servers behind holding its database.
  const orphanGuard = () => child.kill("SIGKILL");
  process.once("exit", orphanGuard);
  const exited = once(child, "exit")
    .then(([code, signal]) => ({ code, signal }) as ProcessExit)
    .finally(() => process.off("exit", orphanGuard));

  const kill = async (signal: NodeJS.Signals = "SIGKILL") => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    // The server gives itself SHUTDOWN_LIMIT_MS from the moment its handler runs, then exits
    // with code 1 by itself: how it ended says whether the stop was clean. On a loaded machine
    // the handler and that timer run late, so only a process that has outlived its own limit
    // twice over is taken as hung and killed, lest a clean stop be cut and read as a failure.
    const escalate = setTimeout(() => child.kill("SIGKILL"), 2 * SHUTDOWN_LIMIT_MS);
    const exit = await exited;
    clearTimeout(escalate);
    return exit;
  };
  try {
    await waitUntilReady(url, child, options.readyTimeoutMs ?? 60_000);
  } catch (error) {
    await kill();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`);
  }
  return {
    url,
    port,
    pid: child.pid ?? -1,
    readyAfterMs: performance.now() - started,
    kill,
    output: () => output,
    alive: () => child.exitCode === null && child.signalCode === null,
  };
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before it was ready`);
    }
    const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(1_000) }).catch(
      () => undefined,
    );
    if (response?.status === 200) return;
    await response?.body?.cancel();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`server not ready after ${timeoutMs} ms`);
}

/** Only what node and tsx need; DATABASE_URL, REDIS_URL and friends come from the caller. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ["PATH", "HOME", "TMPDIR", "LANG"]) {
    const value = process.env[name];
    if (value) env[name] = value;
  }
  return env;
}
