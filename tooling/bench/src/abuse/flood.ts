/**
 * The abusers of the abuse bench, each run in a process of its own so their client-side work
 * never delays the well-behaved client's measurements:
 *   node --import tsx flood.ts socket <url> <seconds>   one socket flooding subscriptions and calls
 *   node --import tsx flood.ts escaped <url> <seconds>  the same, every "method" key spelled
 *                                                       "\u006dethod" (the same JSON)
 *   node --import tsx flood.ts me <url> <seconds>       a signed-in socket flooding auth.me
 *   node --import tsx flood.ts get-login <url> <count> <burst>   GET /login, all from one address
 *   node --import tsx flood.ts post-login <url> <count> <burst>  the login form posted, likewise
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

/**
 * Each socket flood from an address of its own (through the proxy), as each page flood is: the
 * per-address connect limit and budget of one phase must not carry into the next (a short
 * run's phases fall inside one connect window).
 */
const FLOOD_ADDRESSES: Record<string, string> = {
  socket: "198.18.1.1",
  escaped: "198.18.1.2",
  me: "198.18.1.3",
};

/** Opens a socket (signed in with `token`); resolves null when the server refuses the upgrade. */
function connect(answers: Record<string, number>, token?: string): Promise<WebSocket | null> {
  const ws = new WebSocket(
    `${url.replace(/^http/, "ws")}/ws${token ? "?connectionParams=1" : ""}`,
    {
      headers: { "x-forwarded-for": FLOOD_ADDRESSES[mode ?? ""] ?? "198.18.1.9" },
    },
  );
  if (token) {
    ws.once("open", () => ws.send(JSON.stringify({ method: "connectionParams", data: { token } })));
  }
  ws.on("message", (frame) => {
    const text = frame.toString();
    if (text === "PING") return;
    const key = text.includes('"error"') ? "refusedCalls" : "answeredCalls";
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

type Frame = (size: number, make: (id: number) => object) => string;

/**
 * One client flooding over a socket for `seconds`, reconnecting whenever it is cut off;
 * `sendFrames` sends one round of frames (through `frame`, which numbers the calls).
 */
async function floodSocket(
  seconds: number,
  sendFrames: (ws: WebSocket, frame: Frame) => void,
  options: { escape?: boolean; token?: string } = {},
) {
  const answers: Record<string, number> = {};
  let id = 0;
  const frame: Frame = (size, make) => {
    const text = JSON.stringify(Array.from({ length: size }, () => make(++id)));
    return options.escape ? text.replaceAll('"method"', '"\\u006dethod"') : text;
  };
  const deadline = Date.now() + seconds * 1_000;
  const pause = () => new Promise((resolve) => setTimeout(resolve, 20));
  let sockets = 0;
  while (Date.now() < deadline) {
    const ws = await connect(answers, options.token);
    if (!ws) {
      await pause();
      continue;
    }
    sockets += 1;
    while (Date.now() < deadline && ws.readyState === WebSocket.OPEN) {
      sendFrames(ws, frame);
      await pause();
    }
    ws.close();
  }
  // A flood that never got a socket open measured nothing.
  if (sockets === 0) throw new Error("the flood never opened a socket");
  return { sentCalls: id, sockets, ...answers };
}

// What was measured in the issue: frames of 100 book subscriptions and of 200 deep books,
// plus frames small enough to pass the batch cap.
const booksAndDeepBooks = (ws: WebSocket, frame: Frame) => {
  ws.send(frame(50, (id) => call(id, "subscription", "market.onBook", { symbol: "ETH-USDT" })));
  ws.send(
    frame(50, (id) => call(id, "query", "market.orderBook", { symbol: "ETH-USDT", depth: 500 })),
  );
  ws.send(frame(100, (id) => call(id, "subscription", "market.onBook", { symbol: "BTC-USDT" })));
  ws.send(
    frame(200, (id) => call(id, "query", "market.orderBook", { symbol: "BTC-USDT", depth: 500 })),
  );
};

// Within the batch cap, so only counting the calls each frame means can stop it.
const tickersAndDeepBooks = (ws: WebSocket, frame: Frame) => {
  for (let round = 0; round < 2; round++) {
    ws.send(frame(50, (id) => call(id, "query", "market.ticker", { symbol: "BTC-USDT" })));
    ws.send(
      frame(50, (id) => call(id, "query", "market.orderBook", { symbol: "BTC-USDT", depth: 500 })),
    );
  }
};

const manyMe = (ws: WebSocket, frame: Frame) => {
  for (let round = 0; round < 4; round++) {
    ws.send(frame(50, (id) => ({ id, method: "query", params: { path: "auth.me", input: {} } })));
  }
};

/** Signs up a user of its own (before "ready", so it is not measured) and returns its token. */
async function signUp(): Promise<string> {
  const response = await fetch(`${url}/trpc/auth.register`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url, "x-forwarded-for": "192.0.2.9" },
    body: JSON.stringify({
      json: {
        email: `flood-${process.pid}@example.com`,
        username: `flood_${process.pid}`,
        password: "a long enough password 1",
      },
    }),
  });
  const body = (await response.json()) as { result?: { data?: { json?: { token?: unknown } } } };
  const token = body.result?.data?.json?.token;
  if (typeof token !== "string") throw new Error(`sign-up answered ${response.status}`);
  return token;
}

/** `count` requests at once from `addresses` (new ones for each burst); answers by status. */
async function floodFrom(
  count: number,
  addresses: string[],
  request: (i: number, address: string) => Promise<Response>,
) {
  const statuses = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const response = await request(i, addresses[i % addresses.length] ?? "203.0.113.1");
      await response.body?.cancel();
      return response.status;
    }),
  );
  // Every request must have been made and answered, or the burst was not the one asked for.
  if (statuses.length !== count) throw new Error(`${statuses.length} of ${count} requests made`);
  const byStatus: Record<string, number> = {};
  for (const status of statuses) byStatus[status] = (byStatus[status] ?? 0) + 1;
  return { requests: count, byStatus };
}

/** Addresses of its own per burst: an earlier burst's refusals must not change the answers. */
const threeAddresses = (burst: number) => [1, 2, 3].map((host) => `203.0.113.${burst * 3 + host}`);
const floodFromThreeAddresses = (
  count: number,
  burst: number,
  request: (i: number, address: string) => Promise<Response>,
) => floodFrom(count, threeAddresses(burst), request);

/** A page flood from one address: `count` connections at once (fetch opens one per request). */
const floodPages = (count: number, burst: number, method: "GET" | "POST") =>
  floodFrom(count, [`198.18.0.${burst + 1}`], (i, address) =>
    fetch(`${url}/login`, {
      method,
      redirect: "manual",
      headers: {
        "x-forwarded-for": address,
        ...(method === "POST"
          ? { "content-type": "application/x-www-form-urlencoded", origin: url }
          : {}),
      },
      ...(method === "POST"
        ? {
            body: new URLSearchParams({
              email: `nobody-${i}@example.com`,
              password: "not the password 1",
              redirectTo: "/",
            }),
          }
        : {}),
    }),
  );

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

const token = mode === "me" ? await signUp() : undefined;
process.stdout.write("ready\n");
process.stdin.resume();
await once(process.stdin, "end");
const seconds = Number(amount);
const result =
  mode === "socket"
    ? await floodSocket(seconds, booksAndDeepBooks)
    : mode === "escaped"
      ? await floodSocket(seconds, tickersAndDeepBooks, { escape: true })
      : mode === "me"
        ? await floodSocket(seconds, manyMe, { token })
        : mode === "logins"
          ? await floodLogins(Number(amount), Number(burst))
          : mode === "health"
            ? await floodHealthChecks(Number(amount), Number(burst))
            : mode === "get-login"
              ? await floodPages(Number(amount), Number(burst), "GET")
              : mode === "post-login"
                ? await floodPages(Number(amount), Number(burst), "POST")
                : undefined;
if (!result) throw new Error(`unknown mode ${mode}`);
process.stdout.write(`${JSON.stringify(result)}\n`);
