import { randomBytes } from "node:crypto";
import { createClient } from "@cryptotrade/api/client";
import { connectDatabase, type DatabaseConnection, queryRows } from "@cryptotrade/db/client";
import { checkInvariants } from "@cryptotrade/exchange";
import { waitFor, within } from "@cryptotrade/testing/deadlines";
import { findFreePort } from "@cryptotrade/testing/free-port";
import { parseScrape, type Sample } from "@cryptotrade/testing/scrape";
import { createScratchDatabase, type ScratchDatabase } from "@cryptotrade/testing/scratch-database";
import { startTcpProxy, type TcpProxy } from "@cryptotrade/testing/tcp-proxy";
import { midPrice, openTradingAccounts } from "@cryptotrade/testing/trading-accounts";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServerProcess, startServerProcess } from "./testing/server-process";

const serverUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
const ORIGIN = "http://test.invalid";
const SYMBOL = "BTC-USDT";
/** Short, so a takeover comes quickly; long enough that a busy machine renews in time. */
const LEASE_MS = "1500";

interface Candidate {
  server: ServerProcess;
  metricsUrl: string;
}

/** The pid in the lease row's holder (`host/pid/random`). */
async function leaseHolderPid(database: DatabaseConnection): Promise<number> {
  const [row] = await queryRows<{ holder: string }>(
    database.db,
    sql`select holder from exchange_leadership where id = 1`,
  );
  return row ? Number(row.holder.split("/")[1]) : -1;
}

async function scrape(candidate: Candidate): Promise<Sample[]> {
  return parseScrape(await (await fetch(candidate.metricsUrl)).text());
}

const invariantsOk = async (candidate: Candidate) =>
  (await scrape(candidate)).filter((s) => s.name === "cryptotrade_invariants_ok");

/** The JSON lines a process wrote with message `msg`. */
function linesSaying(server: ServerProcess, msg: string): Array<{ level: number }> {
  return server
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as { level: number; msg: string })
    .filter((line) => line.msg === msg);
}

/** The tRPC error code a call failed with, or "OK". */
async function outcomeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "OK";
  } catch (error) {
    const code = (error as { data?: { code?: unknown } }).data?.code;
    if (typeof code !== "string") throw error;
    return code;
  }
}

// The leader reaches PostgreSQL through a proxy the test can cut; the standby and the replica
// reach it directly. PostgreSQL and Redis only: PGlite runs inside its one process.
describe.skipIf(!serverUrl || !redisUrl)("a leader cut off from PostgreSQL", () => {
  let scratch: ScratchDatabase;
  let database: DatabaseConnection;
  let proxy: TcpProxy;
  const started: ServerProcess[] = [];
  let leader: Candidate;
  let standby: Candidate;
  let replica: Candidate;
  let key = "";
  /** A resting buy's price, inside the price band around the last trade. */
  let price = "";

  const start = async (env: Record<string, string>): Promise<Candidate> => {
    const metricsPort = await findFreePort();
    const server = await startServerProcess({
      env: { ...env, METRICS_PORT: String(metricsPort) },
    });
    started.push(server);
    return { server, metricsUrl: `http://127.0.0.1:${metricsPort}/metrics` };
  };

  beforeAll(async () => {
    scratch = await createScratchDatabase(serverUrl ?? "", "ct_partition");
    const direct = new URL(scratch.url);
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const env = {
      DATABASE_URL: scratch.url,
      REDIS_URL: redisUrl ?? "",
      RATE_LIMIT_PREFIX: `partition-${randomBytes(4).toString("hex")}`,
      LOG_LEVEL: "warn",
      // The faucet funds the trader; the demo market maker quotes on whichever process leads.
      DEMO: "true",
      ALLOWED_ORIGINS: ORIGIN,
      EXCHANGE_LEASE_MS: LEASE_MS,
    };
    // Started alone, so it takes the lease; then a standby and an API replica.
    leader = await start({ ...env, DATABASE_URL: proxy.urlFor(scratch.url) });
    standby = await start(env);
    replica = await start({ ...env, EXCHANGE_ROLE: "replica" });
    database = await connectDatabase({ kind: "postgres", url: scratch.url, poolSize: 2 });
    [key = ""] = await openTradingAccounts(replica.server.url, ORIGIN, 1);
    const trader = createClient({ url: replica.server.url, token: key });
    price = ((await midPrice(trader, SYMBOL)) * 0.95).toFixed(2);
  }, 180_000);

  afterAll(async () => {
    proxy?.heal();
    for (const server of started) await server.kill("SIGKILL");
    await proxy?.close();
    await database?.close();
    await scratch?.drop();
  });

  it("exports the invariant check's result only from the leader, which checks", async () => {
    expect(await leaseHolderPid(database)).toBe(leader.server.pid);
    await waitFor(
      async () => (await invariantsOk(leader)).some((s) => s.value === 1),
      30_000,
      "the leader's first invariant check",
    );
    expect(await invariantsOk(standby)).toEqual([]);
    expect(await invariantsOk(replica)).toEqual([]);
  }, 60_000);

  it("steps down within about a lease, refusing commands instead of hanging, and a standby takes over", async () => {
    const order = { symbol: SYMBOL, side: "buy", type: "limit", price, quantity: "0.01" } as const;
    const viaLeader = createClient({ url: leader.server.url, token: key });
    expect(await outcomeOf(viaLeader.orders.place.mutate(order))).toBe("OK");

    proxy.partition();
    // Sent while the leader cannot reach the database: an answer comes (nothing done, or
    // outcome unknown), well inside this bound, instead of a call that never returns.
    const during = await within(
      outcomeOf(viaLeader.orders.place.mutate(order)),
      45_000,
      "an answer from the partitioned leader",
    );
    expect(["SERVICE_UNAVAILABLE", "TIMEOUT"]).toContain(during);
    await waitFor(
      () => linesSaying(leader.server, "stepping down: no longer the leader").length > 0,
      30_000,
      "the partitioned leader to step down",
    );
    await waitFor(
      async () => (await leaseHolderPid(database)) === standby.server.pid,
      30_000,
      "the standby to take the lease",
    );
    // Refused at once from now on: it no longer leads.
    expect(await outcomeOf(viaLeader.orders.place.mutate(order))).toBe("SERVICE_UNAVAILABLE");
    const steppedDown = linesSaying(leader.server, "stepping down: no longer the leader");
    expect(steppedDown).toHaveLength(1);
    expect(steppedDown[0]?.level).toBe(50);

    // The new leader exports a fresh check's result at once; the old one exports none.
    await waitFor(
      async () => (await invariantsOk(standby)).some((s) => s.value === 1),
      30_000,
      "the new leader's invariant check on takeover",
    );
    expect(await invariantsOk(leader)).toEqual([]);
  }, 120_000);

  it("lets the replica's commands through the new leader as soon as it leads, none of unknown outcome", async () => {
    const viaReplica = createClient({ url: replica.server.url, token: key });
    const outcomes: string[] = [];
    for (let i = 0; i < 10; i++) {
      outcomes.push(
        await outcomeOf(
          viaReplica.orders.place.mutate({
            symbol: SYMBOL,
            side: "buy",
            type: "limit",
            price,
            quantity: "0.01",
          }),
        ),
      );
    }
    expect(outcomes.filter((code) => code === "TIMEOUT")).toEqual([]);
    expect(outcomes.filter((code) => code === "OK").length).toBeGreaterThanOrEqual(9);
    expect((await checkInvariants(database.db)).problems).toEqual([]);
  }, 120_000);
});
