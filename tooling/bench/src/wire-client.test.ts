import http from "node:http";
import {
  registerUser,
  startTestServer,
  type TestServer,
} from "@cryptotrade/server/testing/test-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWireClient } from "./wire-client";

describe("the bench's wire client", () => {
  let server: TestServer;
  let url: string;
  const agent = new http.Agent({ keepAlive: true });
  beforeAll(async () => {
    server = await startTestServer();
    url = await server.listen();
  });
  afterAll(async () => {
    agent.destroy();
    await server.close();
  });

  it("queries and mutates like the typed client, and fails with the server's message", async () => {
    const trader = await registerUser(server);
    const client = createWireClient(url, trader.token, agent);
    const me = (await client.query("auth.me")) as { json: { user: { id: number } } };
    expect(me.json.user.id).toBe(trader.userId);
    await expect(
      client.mutate("orders.place", {
        symbol: "BTC-USDT",
        side: "buy",
        type: "limit",
        price: "1",
        quantity: "-1",
      }),
    ).rejects.toThrow("Quantity must be a plain positive decimal such as 1.25");
    await expect(createWireClient(url, "ctk_nope.nope", agent).query("auth.me")).rejects.toThrow();
  });
});
