import { randomBytes } from "node:crypto";
import { type Client, createClient } from "@cryptotrade/api/client";
import { connectDatabase, type DatabaseConnection, queryRows } from "@cryptotrade/db/client";
import { checkInvariants } from "@cryptotrade/exchange";
import { AcknowledgedOrders } from "@cryptotrade/testing/acknowledged-orders";
import { waitFor, within } from "@cryptotrade/testing/deadlines";
import { answeredWithError, startOrderLoad } from "@cryptotrade/testing/order-load";
import { createScratchDatabase, type ScratchDatabase } from "@cryptotrade/testing/scratch-database";
import {
  midPrice,
  openTradingAccounts,
  verifyAcknowledged,
} from "@cryptotrade/testing/trading-accounts";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServerProcess, startServerProcess } from "./testing/server-process";

const serverUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
const SYMBOL = "BTC-USDT";
const ORIGIN = "http://test.invalid";
/** The issue asks for ten kill -9 cycles under load. */
const KILLS = 10;
/**
 * A shorter lease than the 3 s default keeps ten failovers inside CI time; long enough that a
 * busy test machine does not make leaders step down for late renewals.
 */
const LEASE_MS = "1500";

/**
 * Places an order, retrying while the answer is SERVICE_UNAVAILABLE: "nothing was done", as
 * while a process changes roles. Any other answer is returned or thrown.
 */
async function placeRetryingUnavailable<T>(place: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await place();
    } catch (error) {
      const code = (error as { data?: { code?: string } }).data?.code;
      if (code !== "SERVICE_UNAVAILABLE" || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** The pid in the lease row's holder (`host/pid/random`), and the epoch. */
async function leaseOf(database: DatabaseConnection): Promise<{ pid: number; epoch: number }> {
  const [row] = await queryRows<{ holder: string; epoch: string }>(
    database.db,
    sql`select holder, epoch::text from exchange_leadership where id = 1`,
  );
  if (!row) return { pid: -1, epoch: 0 };
  return { pid: Number(row.holder.split("/")[1]), epoch: Number(row.epoch) };
}

/** The newest order id of the demo market maker's account (0 when it has none). */
async function latestDemoQuote(database: DatabaseConnection): Promise<number> {
  const [row] = await queryRows<{ id: string | null }>(
    database.db,
    sql`select max(o.id)::text as id from orders o join users u on u.id = o.user_id
        where u.email = 'demo-maker@demo.invalid'`,
  );
  return Number(row?.id ?? 0);
}

// Candidates share one PostgreSQL and one Redis: real processes, killed by pid.
describe.skipIf(!serverUrl || !redisUrl)("candidates for the leadership on one database", () => {
  let scratch: ScratchDatabase;
  let database: DatabaseConnection;
  const processes: ServerProcess[] = [];
  let replica: ServerProcess;
  let keys: string[] = [];
  const acknowledged = new AcknowledgedOrders();
  let env: Record<string, string>;

  const startCandidate = async () => {
    const started = await startServerProcess({ env });
    processes.push(started);
    return started;
  };
  /** Each trader as seen through `url`; owner indexes match `keys`. */
  const tradersVia = (url: string): Client[] =>
    keys.map((key) => createClient({ url, token: key }));

  beforeAll(async () => {
    scratch = await createScratchDatabase(serverUrl ?? "", "ct_failover");
    env = {
      DATABASE_URL: scratch.url,
      REDIS_URL: redisUrl ?? "",
      RATE_LIMIT_PREFIX: `failover-${randomBytes(4).toString("hex")}`,
      RATE_LIMIT_REGISTRATIONS_PER_IP: "1000",
      LOG_LEVEL: "warn",
      DEMO: "true",
      ALLOWED_ORIGINS: ORIGIN,
      EXCHANGE_LEASE_MS: LEASE_MS,
    };
    // Two candidates at once: both migrate, both contend.
    await Promise.all([startCandidate(), startCandidate()]);
    replica = await startServerProcess({ env: { ...env, EXCHANGE_ROLE: "replica" } });
    database = await connectDatabase({ kind: "postgres", url: scratch.url, poolSize: 2 });
    keys = await openTradingAccounts(replica.url, ORIGIN, 3);
  }, 180_000);

  afterAll(async () => {
    for (const started of [...processes, replica]) await started?.kill("SIGKILL");
    await database?.close();
    await scratch?.drop();
  });

  const live = () => processes.filter((p) => p.alive());

  it("lets exactly one lead; when it is killed a standby takes over, losing no acknowledged order", async () => {
    for (let kill = 1; kill <= KILLS; kill++) {
      const candidates = live();
      expect(candidates).toHaveLength(2);
      const lease = await leaseOf(database);
      const leaders = candidates.filter((p) => p.pid === lease.pid);
      expect(leaders, `one of ${candidates.map((p) => p.pid)} holds ${lease.pid}`).toHaveLength(1);
      const [leader] = leaders;
      const standby = candidates.find((p) => p !== leader);
      if (!leader || !standby) throw new Error("unreachable");

      // Load from every side: each trader places through a different process.
      const traders = [leader, standby, replica].map((p, owner) =>
        createClient({ url: p.url, token: keys[owner] ?? "" }),
      );
      const load = startOrderLoad({
        traders,
        symbol: SYMBOL,
        mid: await midPrice(traders[2], SYMBOL),
        concurrency: 6,
        acknowledged,
      });
      await within(load.answered, 30_000, `no order acknowledged before kill ${kill}`);
      await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 500));
      await leader.kill("SIGKILL");
      const before = acknowledged.size;
      const quotedBefore = await latestDemoQuote(database);
      await waitFor(
        async () => (await leaseOf(database)).pid === standby.pid,
        30_000,
        `the standby ${standby.pid} to take the lease after kill ${kill}`,
      );
      // Orders flow again, through the survivors.
      await waitFor(() => acknowledged.size >= before + 20, 30_000, "orders after the takeover");
      // The demo market maker follows the lease: the new leader's own bot quotes again.
      await waitFor(
        async () => (await latestDemoQuote(database)) > quotedBefore,
        30_000,
        `the demo market maker to quote on the new leader after kill ${kill}`,
      );
      await load.stop();
      expect((await leaseOf(database)).epoch).toBeGreaterThan(lease.epoch);

      expect((await checkInvariants(database.db)).problems, `after kill ${kill}`).toEqual([]);
      expect(await verifyAcknowledged(tradersVia(replica.url), acknowledged)).toEqual([]);
      // The killed one comes back as a standby.
      await startCandidate();
    }
  }, 900_000);

  it("fences off a paused leader: once its lease is taken it cannot commit, and it steps down", async () => {
    const lease = await leaseOf(database);
    const stale = live().find((p) => p.pid === lease.pid);
    const standby = live().find((p) => p.pid !== lease.pid);
    if (!stale || !standby) throw new Error("expected a leader and a standby");

    // A resting buy, inside the price band around the last trade.
    const price = ((await midPrice(tradersVia(replica.url)[0], SYMBOL)) * 0.95).toFixed(2);
    const order = { symbol: SYMBOL, side: "buy", type: "limit", price, quantity: "0.01" } as const;
    process.kill(stale.pid, "SIGSTOP");
    try {
      await waitFor(
        async () => (await leaseOf(database)).pid === standby.pid,
        30_000,
        "the standby to take over from the paused leader",
      );
    } finally {
      // An order waits in the paused process's socket; then it wakes up still thinking it leads.
      const owner = 0;
      const viaStale = createClient({ url: stale.url, token: keys[owner] ?? "" });
      const pending = viaStale.orders.place.mutate(order).then(
        (order) => acknowledged.record(owner, order),
        (error: unknown) => {
          // Refused (nothing done) is fine; no answer at all is not.
          if (!answeredWithError(error)) throw error;
        },
      );
      process.kill(stale.pid, "SIGCONT");
      await pending;
    }
    await waitFor(
      () => /stepping down/.test(stale.output()),
      30_000,
      "the stale leader to step down",
    );
    expect((await leaseOf(database)).pid).toBe(standby.pid);
    expect((await checkInvariants(database.db)).problems).toEqual([]);
    expect(await verifyAcknowledged(tradersVia(replica.url), acknowledged)).toEqual([]);

    // It stands by now: its commands go to the new leader.
    const viaFormer = createClient({ url: stale.url, token: keys[1] ?? "" });
    await waitFor(
      async () => (await fetch(`${stale.url}/readyz`).catch(() => undefined))?.status === 200,
      30_000,
      "the former leader to be ready as a standby",
    );
    const placed = await placeRetryingUnavailable(() => viaFormer.orders.place.mutate(order));
    acknowledged.record(1, placed);
    expect(await verifyAcknowledged(tradersVia(standby.url), acknowledged)).toEqual([]);
  }, 120_000);
});
