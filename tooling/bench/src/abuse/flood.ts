/**
 * The abusers of the abuse bench, each run in a process of its own so their client-side work
 * never delays the well-behaved client's measurements:
 *   node --import tsx flood.ts socket <url> <seconds>   one socket flooding subscriptions and calls
 *   node --import tsx flood.ts logins <url> <count> <burst>   logins with unknown emails from three
 *                                                             addresses, new ones for each burst
 *   node --import tsx flood.ts health <url> <count> <burst>   the same burst of requests, each a
 *                                                             health check: what any burst costs
 * Prints "ready" once loaded, starts when its stdin closes (so its own start-up is not
 * measured as abuse), and ends with one JSON line of what the server answered.
 */
import { once } from "node:events";
import WebSocket from "ws";

const [mode, url = "", amount = "0", burst = "0"] = process.argv.slice(2);

/** One tRPC-over-WebSocket call in the wire format (superjson input). */
function call(id: number, method: "query" | "subscription", path: string, input: object) {
  return { id, method, params: { path, input: { json: input } } };
}

/** Opens a socket; resolves null when the server refuses the upgrade. */
function connect(answers: Record<string, number>): Promise<WebSocket | null> {
  const ws = new WebSocket(`${url.replace(/^http/, "ws")}/ws`);
  ws.on("message", (frame) => {
    const key = frame.toString().includes('"error"') ? "refusedCalls" : "answeredCalls";
    answers[key] = (answers[key] ?? 0) + 1;
  });
  ws.on("close", (code) => {
    answers[`closed${code}`] = (answers[`closed${code}`] ?? 0) + 1;
  });
  return new Promise((resolve) => {
    ws.once("open", () => resolve(ws));
    ws.once("unexpected-response", (_, response) => {
      answers[`upgrade${response.statusCode}`] =
        (answers[`upgrade${response.statusCode}`] ?? 0) + 1;
      ws.terminate();
      resolve(null);
    });
    ws.once("error", () => resolve(null));
  });
}

/** One client flooding over a socket for `seconds`, reconnecting whenever it is cut off. */
async function floodSocket(seconds: number) {
  const answers: Record<string, number> = {};
  let id = 0;
  const frame = (size: number, make: () => object) =>
    JSON.stringify(Array.from({ length: size }, make));
  const deadline = Date.now() + seconds * 1_000;
  const pause = () => new Promise((resolve) => setTimeout(resolve, 20));
  while (Date.now() < deadline) {
    const ws = await connect(answers);
    if (!ws) {
      await pause();
      continue;
    }
    // What was measured in the issue: frames of 100 book subscriptions and of 200 deep books,
    // plus frames small enough to pass the batch cap.
    while (Date.now() < deadline && ws.readyState === WebSocket.OPEN) {
      ws.send(frame(50, () => call(++id, "subscription", "market.onBook", { symbol: "ETH-USDT" })));
      ws.send(
        frame(50, () =>
          call(++id, "query", "market.orderBook", { symbol: "ETH-USDT", depth: 500 }),
        ),
      );
      ws.send(
        frame(100, () => call(++id, "subscription", "market.onBook", { symbol: "BTC-USDT" })),
      );
      ws.send(
        frame(200, () =>
          call(++id, "query", "market.orderBook", { symbol: "BTC-USDT", depth: 500 }),
        ),
      );
      await pause();
    }
    ws.close();
  }
  return { sentCalls: id, ...answers };
}

/** `count` requests at once from three addresses (new ones for each burst); answers by status. */
async function floodFromThreeAddresses(
  count: number,
  burst: number,
  request: (i: number, address: string) => Promise<Response>,
) {
  // Addresses of its own per burst: an earlier burst's failures must not change the answers.
  const addresses = [1, 2, 3].map((host) => `203.0.113.${burst * 3 + host}`);
  const statuses = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const response = await request(i, addresses[i % addresses.length] ?? "203.0.113.1");
      await response.body?.cancel();
      return response.status;
    }),
  );
  const byStatus: Record<string, number> = {};
  for (const status of statuses) byStatus[status] = (byStatus[status] ?? 0) + 1;
  return { requests: count, byStatus };
}

const floodLogins = (count: number, burst: number) =>
  floodFromThreeAddresses(count, burst, (i, address) =>
    fetch(`${url}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: url, "x-forwarded-for": address },
      body: JSON.stringify({
        json: { email: `nobody-${i}@example.com`, password: "not the password 1" },
      }),
    }),
  );

const floodHealthChecks = (count: number, burst: number) =>
  floodFromThreeAddresses(count, burst, (_, address) =>
    fetch(`${url}/healthz`, { headers: { "x-forwarded-for": address } }),
  );

process.stdout.write("ready\n");
process.stdin.resume();
await once(process.stdin, "end");
const result =
  mode === "socket"
    ? await floodSocket(Number(amount))
    : mode === "logins"
      ? await floodLogins(Number(amount), Number(burst))
      : mode === "health"
        ? await floodHealthChecks(Number(amount), Number(burst))
        : undefined;
if (!result) throw new Error(`unknown mode ${mode}`);
process.stdout.write(`${JSON.stringify(result)}\n`);
