import { randomBytes } from "node:crypto";
import { createClient } from "@cryptotrade/api/client";
import { eventually } from "@cryptotrade/testing/eventually";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { runGrantAdmin } from "./testing/grant-admin-process";
import { type LeaderAndReplica, startLeaderAndReplica } from "./testing/leader-and-replica";

const serverUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;

// Two processes must share one database and one Redis: PostgreSQL and Redis only.
describe.skipIf(!serverUrl || !redisUrl)("a leader and a replica on one Redis", () => {
  let pair: LeaderAndReplica;
  beforeAll(async () => {
    pair = await startLeaderAndReplica(serverUrl ?? "", redisUrl ?? "", "ct_replica");
  }, 120_000);
  afterAll(() => pair?.close());

  it("shows subscribers of one process the orders placed through the other, and forwards commands", async () => {
    const { leader, replica } = pair;
    const origin = { origin: pair.origin };
    const { token } = await createClient({ url: leader.url, headers: origin }).auth.register.mutate(
      {
        email: "replica-admin@example.com",
        username: `replica_${randomBytes(3).toString("hex")}`,
        password: "correct horse battery staple",
      },
    );
    // Roles come only from the operator's command (ADR 014).
    expect(
      (await runGrantAdmin({ DATABASE_URL: pair.databaseUrl }, ["replica-admin@example.com"])).code,
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
