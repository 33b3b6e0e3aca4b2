import WebSocket from "ws";

export interface RawSocket {
  ws: WebSocket;
  /** Each call's answer by id: "OK", or the refusal's tRPC code. */
  answers: Map<number, string>;
  /** Resolves with the close code. */
  closed: Promise<number>;
  /** Sends one frame, as text, exactly as given. */
  send(frame: string): void;
  /** Resolves once `ids` are all answered, or the socket closed. */
  settle(ids: number[]): Promise<void>;
}

/**
 * A WebSocket to the test server that speaks tRPC's wire format by hand, so a test can send
 * frames no typed client would (escaped keys, oversized batches) and count every answer.
 * `token` signs it in through tRPC's connection params; `address` is its X-Forwarded-For.
 *
 * @example
 * const socket = await openRawSocket(await server.listen(), { token });
 * socket.send(JSON.stringify(queryCall(1, "auth.me")));
 * await socket.settle([1]); // socket.answers.get(1) === "OK"
 */
export async function openRawSocket(
  url: string,
  options: { token?: string; address?: string } = {},
): Promise<RawSocket> {
  const query = options.token ? "?connectionParams=1" : "";
  const headers = options.address ? { "x-forwarded-for": options.address } : undefined;
  const ws = new WebSocket(`${url.replace(/^http/, "ws")}/ws${query}`, { headers });
  const answers = new Map<number, string>();
  let onAnswer = () => {};
  ws.on("message", (data) => {
    // tRPC's keep-alive; the socket answers it itself.
    if (data.toString() === "PING") return;
    const answer = JSON.parse(data.toString()) as {
      id?: unknown;
      error?: { json?: { data?: { code?: string } } };
    };
    if (typeof answer.id !== "number" || answers.has(answer.id)) return;
    answers.set(answer.id, answer.error ? (answer.error.json?.data?.code ?? "ERROR") : "OK");
    onAnswer();
  });
  const closed = new Promise<number>((resolve) => ws.once("close", resolve));
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  if (options.token) {
    ws.send(JSON.stringify({ method: "connectionParams", data: { token: options.token } }));
  }
  let isClosed = false;
  void closed.then(() => {
    isClosed = true;
    onAnswer();
  });
  return {
    ws,
    answers,
    closed,
    send: (frame) => ws.send(frame),
    settle: (ids) =>
      new Promise<void>((resolve) => {
        onAnswer = () => {
          if (isClosed || ids.every((id) => answers.has(id))) resolve();
        };
        onAnswer();
      }),
  };
}

/**
 * One query in the wire format, its input wrapped as superjson sends it (`{}` for none).
 *
 * @example
 * socket.send(JSON.stringify(queryCall(7, "market.ticker", { symbol: "BTC-USDT" })));
 */
export function queryCall(id: number, path: string, input?: object) {
  return {
    id,
    method: "query",
    params: { path, input: input === undefined ? {} : { json: input } },
  };
}
