import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { limitBody } from "./body-limit";

function appWithLimit(maxSize: number) {
  const app = new Hono();
  app.use(limitBody(maxSize, (c) => c.json({ error: "Request body too large" }, 413)));
  app.all("/echo", async (c) => c.text(await c.req.text()));
  return app;
}

function chunked(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(controller) {
      for (let at = 0; at < bytes.length; at += 4) controller.enqueue(bytes.slice(at, at + 4));
      controller.close();
    },
  });
}

describe("limitBody", () => {
  it("answers a body framed by Content-Length from the header: within passes, over is 413", async () => {
    const app = appWithLimit(10);
    const within = await app.request("/echo", { method: "POST", body: "0123456789" });
    expect(within.status).toBe(200);
    expect(await within.text()).toBe("0123456789");
    const over = await app.request("/echo", { method: "POST", body: "0123456789a" });
    expect(over.status).toBe(413);
    expect(await over.json()).toEqual({ error: "Request body too large" });
  });

  it("counts a body sent without a length as it arrives", async () => {
    const app = appWithLimit(10);
    const send = (text: string) =>
      app.request("/echo", { method: "POST", body: chunked(text), duplex: "half" } as RequestInit);
    const within = await send("0123456789");
    expect(within.status).toBe(200);
    expect(await within.text()).toBe("0123456789");
    expect((await send("0123456789a")).status).toBe(413);
  });

  it("lets a GET through whatever its headers claim, as Fetch gives it no body", async () => {
    const app = appWithLimit(10);
    const res = await app.request("/echo", { headers: { "content-length": "100" } });
    expect(res.status).toBe(200);
  });
});
