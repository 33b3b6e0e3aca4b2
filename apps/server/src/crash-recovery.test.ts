import { randomBytes } from "node:crypto";
import { type Client, createClient } from "@cryptotrade/api/client";
import { connectDatabase, type DatabaseConnection } from "@cryptotrade/db/client";
import { checkInvariants } from "@cryptotrade/exchange";
import { afterAll, describe, expect, it } from "vitest";
import { AcknowledgedOrders } from "./testing/acknowledged-orders";
import { answeredWithError, type OrderLoadTally, startOrderLoad } from "./testing/order-load";
import { createScratchDatabase, type ScratchDatabase } from "./testing/scratch-database";
import { findFreePort, type ServerProcess, startServerProcess } from "./testing/server-process";

const CYCLES = 20;
const TRADERS = 4;
const CONCURRENCY = 8;
const SYMBOL = "BTC-USDT";

// Only PostgreSQL makes this a test of durability: the server process owns its database.
describe.skipIf(!process.env.DATABASE_URL)("a real server process on PostgreSQL", () => {
  let scratch: ScratchDatabase | undefined;
  let database: DatabaseConnection | undefined;
  let server: ServerProcess | undefined;

  afterAll(async () => {
    await server?.kill("SIGKILL");
    await database?.close();
    await scratch?.drop();
  });

  it("keeps every acknowledged order as acknowledged, and the invariants, through 20 SIGKILLs under load", async () => {
    scratch = await createScratchDatabase(process.env.DATABASE_URL ?? "", "ct_crash");
    const port = await findFreePort();
    const start = () =>
      startServerProcess({
        port,
        env: {
          DATABASE_URL: scratch?.url ?? "",
          DEMO: "true",
          LOG_LEVEL: "warn",
          RATE_LIMIT_REGISTRATIONS_PER_IP: "1000",
        },
      });
    server = await start();
    database = await connectDatabase({ kind: "postgres", url: scratch.url, poolSize: 2 });
    const traders = await Promise.all(
      Array.from({ length: TRADERS }, () => openTradingAccount(server?.url ?? "", port)),
    );
    const acknowledged = new AcknowledgedOrders();
    const total: OrderLoadTally = { acknowledged: 0, refused: 0, unanswered: 0 };

    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      const load = startOrderLoad({
        traders,
        symbol: SYMBOL,
        mid: await midPrice(traders[0]),
        concurrency: CONCURRENCY,
        acknowledged,
      });
      // Timed from the first answer, so every cycle kills a server that is busy taking orders,
      // however long a loaded machine takes to warm it up.
      await within(load.answered, 30_000, `no order acknowledged in cycle ${cycle}`);
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 500));
      await server.kill("SIGKILL");
      const tally = await load.stop();
      for (const key of ["acknowledged", "refused", "unanswered"] as const) {
        total[key] += tally[key];
      }

      // What restart will rebuild from must already balance.
      const atRest = await checkInvariants(database.db);
      expect(atRest.problems, `after kill ${cycle}`).toEqual([]);

      server = await start();
      expect(await verifyAcknowledged(traders, acknowledged), `after restart ${cycle}`).toEqual([]);
      const running = await checkInvariants(database.db);
      expect(running.problems, `running after restart ${cycle}`).toEqual([]);
    }

    // The run proves something only if kills cut calls short.
    expect(acknowledged.size).toBeGreaterThanOrEqual(CYCLES);
    expect(total.unanswered).toBeGreaterThan(0);
  }, 360_000);
});

/** Registers a user, makes it a trade-scoped API key and funds it from the demo faucet. */
async function openTradingAccount(url: string, port: number): Promise<Client> {
  const unique = randomBytes(4).toString("hex");
  // Anonymous calls count as a browser's, so they carry the exchange's own Origin.
  const anonymous = createClient({ url, headers: { origin: `http://localhost:${port}` } });
  const { token } = await anonymous.auth.register.mutate({
    email: `crash-${unique}@example.com`,
    username: `crash_${unique}`,
    password: "correct horse battery staple",
  });
  const session = createClient({ url, token });
  const { key } = await session.account.createApiKey.mutate({
    name: "crash test",
    scopes: ["read", "trade"],
  });
  const trader = createClient({ url, token: key });
  for (let i = 0; i < 5; i++) {
    await trader.wallet.deposit.mutate({ asset: "USDT", amount: "1000000" });
    await trader.wallet.deposit.mutate({ asset: "BTC", amount: "10" });
  }
  return trader;
}

/** Where the demo market maker is trading now, so the load keeps crossing its quotes. */
async function midPrice(trader: Client | undefined): Promise<number> {
  const ticker = await trader?.market.ticker.query({ symbol: SYMBOL });
  const last = Number(ticker?.last ?? Number.NaN);
  return Number.isFinite(last) && last > 0 ? last : 65_000;
}

/** Reads back every acknowledged order through `orders.get`, as its owner; lists the problems. */
async function verifyAcknowledged(
  traders: Client[],
  acknowledged: AcknowledgedOrders,
): Promise<string[]> {
  const problems: string[] = [];
  await Promise.all(
    [...acknowledged.idsByOwner()].map(async ([owner, ids]) => {
      const trader = traders[owner];
      if (!trader) throw new Error(`no trader ${owner}`);
      // The client batches calls made together, up to the server's limit per request.
      for (let at = 0; at < ids.length; at += 50) {
        const chunk = ids.slice(at, at + 50);
        const found = await Promise.all(chunk.map((id) => getOrder(trader, id)));
        chunk.forEach((id, i) => {
          const problem = acknowledged.verify(id, found[i]);
          if (problem) problems.push(problem);
        });
      }
    }),
  );
  return problems;
}

async function getOrder(trader: Client, orderId: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await trader.orders.get.query({ orderId });
    } catch (error) {
      if (answeredWithError(error)) {
        if ((error as { data: { code: string } }).data.code === "NOT_FOUND") return undefined;
        throw error;
      }
      // A keep-alive socket to the killed process can still be in the pool: try once more.
      if (attempt >= 3) throw error;
    }
  }
}

function within<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
