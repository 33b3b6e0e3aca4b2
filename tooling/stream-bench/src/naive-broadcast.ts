/**
 * The baseline (forked by naive-server.ts): a plain `ws` server in its own process that, at
 * the scenario's rate, stamps one book diff and sends it to every client in a for-loop. It is
 * the least a server can do per update, so the exchange's figures are read against it.
 */
import { once } from "node:events";
import { WebSocket, WebSocketServer } from "ws";
import {
  type FromNaiveServer,
  isMessage,
  type NaiveServerSettings,
  type ToNaiveServer,
} from "./ipc";
import { encodeDiff } from "./wire-format";

const settings = JSON.parse(process.argv[2] ?? "{}") as NaiveServerSettings;
const wss = new WebSocketServer({ host: "127.0.0.1", port: 0, perMessageDeflate: false });
let timer: NodeJS.Timeout | undefined;
let sequence = 0;

function send(message: FromNaiveServer): Promise<void> {
  return new Promise((resolve) => process.send?.(message, () => resolve()));
}

function broadcast(): void {
  sequence += 1;
  // The same shape and size as the exchange's one-level diffs.
  const level = { price: (99 - (sequence % 25) * 0.01).toFixed(6), quantity: "0.100000000" };
  const frame = encodeDiff(settings.symbol, sequence, Date.now(), level);
  for (const client of wss.clients) {
    if (client.readyState === WebSocket.OPEN) client.send(frame);
  }
}

// Orphaned by a bench that died, a child must not linger holding sockets.
process.on("disconnect", () => process.exit(0));

process.on("message", (message: ToNaiveServer) => {
  if (isMessage<ToNaiveServer>("start")(message)) {
    timer = setInterval(broadcast, 1000 / settings.ratePerSecond);
    return;
  }
  clearInterval(timer);
  for (const client of wss.clients) client.terminate();
  wss.close();
  void send({ type: "stopped", sent: sequence }).then(() => process.exit(0));
});

await once(wss, "listening");
const address = wss.address();
if (address === null || typeof address === "string") throw new Error("expected a TCP address");
await send({ type: "listening", port: address.port });
