import { randomBytes } from "node:crypto";
import { createClient } from "@cryptotrade/api/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { runGrantAdmin } from "./testing/grant-admin-process";
import { createScratchDatabase, type ScratchDatabase } from "./testing/scratch-database";
import { type ServerProcess, startServerProcess } from "./testing/server-process";

const serverUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;

async function eventually(check: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

// Two processes must share one database and one Redis: PostgreSQL and Redis only.
describe.skipIf(!serverUrl || !redisUrl)("a leader and a replica on one Redis", () => {
  let database: ScratchDatabase;
  let leader: ServerProcess;
  let replica: ServerProcess;
  beforeAll(async () => {
    database = await createScratchDatabase(serverUrl ?? "", "ct_replica");
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl ?? "",
      RATE_LIMIT_PREFIX: `replica-${randomBytes(4).toString("hex")}`,
      LOG_LEVEL: "warn",
      // No demo market maker: its quotes would move the book while the test compares it.
      DEMO: "false",
      ALLOWED_ORIGINS: "http://test.invalid",
    };
    leader = await startServerProcess({ env });
    replica = await startServerProcess({ env: { ...env, EXCHANGE_ROLE: "replica" } });
  }, 120_000);
  afterAll(async () => {
    await replica?.kill("SIGTERM");
    await leader?.kill("SIGTERM");
    await database?.drop();
  });

  it("shows subscribers of one process the orders placed through the other, and forwards commands", async () => {
    const origin = { origin: "http://test.invalid" };
    const { token } = await createClient({ url: leader.url, headers: origin }).auth.register.mutate(
      {
        email: "replica-admin@example.com",
        username: `replica_${randomBytes(3).toString("hex")}`,
        password: "correct horse battery staple",
      },
    );
    // Roles come only from the operator's command (ADR 014).
    expect(
      (await runGrantAdmin({ DATABASE_URL: database.url }, ["replica-admin@example.com"])).code,
    ).toBe(0);
    const viaLeader = createClient({ url: leader.url, token });
    const { user } = await viaLeader.auth.me.query();
    const viaReplica = createClient({
      url: replica.url,
      token,
      webSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    });
    await viaLeader.admin.creditDeposit.mutate({
      userId: String(user.id),
      asset: "USDT",
      amount: "10000",
    });

    const updates: string[] = [];
    let bookSequence = -1;
    const orders = viaReplica.orders.onUpdate.subscribe(undefined, {
      onData: (event) => {
        if (event.data.kind === "order") updates.push(event.data.order.id);
      },
    });
    const book = viaReplica.market.onBook.subscribe(
      { symbol: "SOL-USDT" },
      {
        onData: (event) => {
          bookSequence =
            event.data.kind === "snapshot" ? event.data.sequence : event.data.toSequence;
        },
      },
    );
    await eventually(() => bookSequence >= 0, "the replica's book snapshot");
    await new Promise((resolve) => setTimeout(resolve, 300));

    const placed = await viaLeader.orders.place.mutate({
      symbol: "SOL-USDT",
      side: "buy",
      type: "limit",
      price: "100.000",
      quantity: "1",
    });
    await eventually(() => updates.includes(placed.id), "the order update on the replica");
    const leaderBook = await viaLeader.market.orderBook.query({ symbol: "SOL-USDT" });
    await eventually(() => bookSequence === leaderBook.sequence, "the book diff on the replica");
    expect(await viaReplica.market.orderBook.query({ symbol: "SOL-USDT" })).toEqual(leaderBook);

    // A command sent to the replica runs on the leader and is answered after it commits.
    const forwarded = await viaReplica.orders.place.mutate({
      symbol: "SOL-USDT",
      side: "buy",
      type: "limit",
      price: "99.000",
      quantity: "1",
    });
    expect((await viaLeader.orders.get.query({ orderId: forwarded.id })).status).toBe("open");
    const refused = await viaReplica.orders.place
      .mutate({ symbol: "SOL-USDT", side: "buy", type: "limit", price: "99.000", quantity: "1000" })
      .catch((error: { data?: { code?: string } }) => error.data?.code);
    expect(refused).toBe("PRECONDITION_FAILED");
    orders.unsubscribe();
    book.unsubscribe();
  });
});
