import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { findFreePort } from "@cryptotrade/testing/free-port";
import type { BenchDatabase } from "./bench-database";
import { TSX_LOADER } from "./fork-script";

// Started as a process, the way `pnpm start` runs it, never imported: the bench measures the
// server exactly as it is deployed and shares nothing with it but the loopback interface.
const SERVER_DIR = fileURLToPath(new URL("../../../apps/server/", import.meta.url));

// The bench decides these; a developer's own settings (a Redis, a demo) must not leak in.
const SERVER_SETTINGS = [
  "PORT",
  "HOST",
  "DATABASE_URL",
  "DATA_DIR",
  "REDIS_URL",
  "DEMO",
  "PUBLIC_ORIGIN",
  "ALLOWED_ORIGINS",
  "SECRETS_KEYS",
  "NODE_ENV",
  "LOG_LEVEL",
  "OTEL_EXPORTER_OTLP_ENDPOINT",
];

export interface ExchangeServer {
  url: string;
  /** The Origin the server accepts for calls without a token. */
  origin: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Boots the real exchange server (apps/server) on a free loopback port with the demo market
 * maker off, and resolves once `/readyz` answers.
 *
 * @example
 * const server = await startExchangeServer({ database });
 */
export async function startExchangeServer(options: {
  database: BenchDatabase;
}): Promise<ExchangeServer> {
  const port = await findFreePort();
  const env = serverEnv(options.database, {
    PORT: String(port),
    HOST: "127.0.0.1",
    // Off, so the only book updates on the market are the ones the bench drives.
    DEMO: "false",
    LOG_LEVEL: "warn",
  });
  const child = spawn(process.execPath, ["--import", TSX_LOADER, "src/main.ts"], {
    cwd: SERVER_DIR,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  forwardOutput(child);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(child, url);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return {
    url,
    origin: `http://localhost:${port}`,
    pid: child.pid ?? -1,
    stop: () => stopChild(child),
  };
}

/**
 * Makes a registered account an admin with the operator's command (`pnpm admin:grant`), run
 * as its own process on the bench's database. With PGlite, which admits one process at a time,
 * stop the server first.
 *
 * @example
 * await grantAdmin(database, "bench@example.com");
 */
export async function grantAdmin(database: BenchDatabase, email: string): Promise<void> {
  const child = spawn(process.execPath, ["--import", TSX_LOADER, "src/cli/grant-admin.ts", email], {
    cwd: SERVER_DIR,
    env: serverEnv(database, { LOG_LEVEL: "warn" }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  forwardOutput(child);
  const [code] = await once(child, "exit");
  if (code !== 0) throw new Error(`admin:grant ${email} exited with code ${String(code)}`);
}

/** This process's environment without the server settings the bench decides, plus `settings`. */
function serverEnv(database: BenchDatabase, settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SERVER_SETTINGS) delete env[name];
  return Object.assign(env, database.env, settings);
}

async function waitUntilReady(child: ChildProcess, url: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    const ready = await fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the server was not ready within 90 s");
}

/** SIGTERM lets the server drain and close its database; SIGKILL if it hangs. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

function forwardOutput(child: ChildProcess): void {
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      for (const line of chunk.split("\n")) if (line) process.stderr.write(`[server] ${line}\n`);
    });
  }
}
