import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { startServerProcess } from "@cryptotrade/server/testing/server-process";
import type { BenchDatabase } from "./bench-database";
import { TSX_LOADER } from "./fork-script";

// Where the operator's commands run from, as `pnpm admin:grant` runs them.
const SERVER_DIR = fileURLToPath(new URL("../../../apps/server/", import.meta.url));

// The bench decides these for a command; a developer's own settings must not leak in.
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
 * Boots the real exchange server (apps/server, as `pnpm start` runs it, through the same
 * helper every other bench uses) on a free loopback port with the demo market maker off, and
 * resolves once `/readyz` answers.
 *
 * @example
 * const server = await startExchangeServer({ database });
 */
export async function startExchangeServer(options: {
  database: BenchDatabase;
}): Promise<ExchangeServer> {
  const server = await startServerProcess({
    // Off, so the only book updates on the market are the ones the bench drives.
    env: { ...options.database.env, DEMO: "false", LOG_LEVEL: "warn" },
    readyTimeoutMs: 90_000,
  });
  return {
    url: server.url,
    origin: `http://localhost:${server.port}`,
    pid: server.pid,
    stop: async () => {
      // SIGTERM lets the server drain and close its database (SIGKILL after 30 s).
      const exit = await server.kill("SIGTERM");
      if (exit.code !== 0 && exit.signal !== "SIGTERM") {
        process.stderr.write(`[server] ended ${exit.code ?? exit.signal}\n${server.output()}\n`);
      }
    },
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

function forwardOutput(child: ChildProcess): void {
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      for (const line of chunk.split("\n")) if (line) process.stderr.write(`[server] ${line}\n`);
    });
  }
}
