import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./testing/test-server";

describe("the Binance-compatible API", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it("answers ping and time, with the weight used", async () => {
    const ping = await server.fetch("/api/v3/ping");
    expect(ping.status).toBe(200);
    expect(await ping.json()).toEqual({});
    expect(ping.headers.get("x-mbx-used-weight-1m")).toBe("1");
    const before = Date.now();
    const time = await server.fetch("/api/v3/time");
    const { serverTime } = (await time.json()) as { serverTime: number };
    expect(serverTime).toBeGreaterThanOrEqual(before);
    expect(time.headers.get("x-mbx-used-weight-1m")).toBe("2");
    expect(time.headers.get("x-request-id")).toBeTruthy();
  });

  it("answers an unknown path under /api/v3 as Binance does", async () => {
    const res = await server.fetch("/api/v3/nothing");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      code: -1020,
      msg: "This operation is not supported: GET /api/v3/nothing",
    });
  });
});
