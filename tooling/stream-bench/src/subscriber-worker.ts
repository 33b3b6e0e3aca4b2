/**
 * A subscriber process (forked by subscriber-pool.ts): holds its share of the connections,
 * subscribes each to the book, and stamps every diff's delivery latency against the
 * `publishedAt` the server put in it. Only latencies seen between "measure" and "finish"
 * count, so connecting and warming up stay out of the figures.
 */
import { loopbackAddress } from "@cryptotrade/testing/loopback";
import WebSocket from "ws";
import type { FromSubscriber, SubscriberSettings, ToSubscriber } from "./ipc";
import { LatencyHistogram } from "./latency-histogram";
import { encodeSubscribe, readFrame } from "./wire-format";

const settings = JSON.parse(process.argv[2] ?? "{}") as SubscriberSettings;
const histogram = new LatencyHistogram();
const sockets: WebSocket[] = [];
let measuring = false;
let cpuAtStart: NodeJS.CpuUsage | undefined;
let finishing = false;
const counts = { messages: 0, gaps: 0, failed: 0, dropped: 0, errors: 0 };

function send(message: FromSubscriber): Promise<void> {
  return new Promise((resolve) => process.send?.(message, () => resolve()));
}

/** Resolves true once the connection is subscribed (naive: open), false if it never gets there. */
function openSubscription(connection: number): Promise<boolean> {
  return new Promise((resolve) => {
    // Neither server compresses, so offering it would only lengthen the handshake; skipping
    // UTF-8 checks keeps the clients' CPU, which competes with the servers', to a minimum.
    // Each few sockets from an address of their own, as many real clients: the server's
    // per-address connect limit stays on and must let every one of them in.
    const address = Math.floor(
      (settings.firstConnection + connection) / settings.socketsPerAddress,
    );
    const ws = new WebSocket(settings.url, {
      perMessageDeflate: false,
      skipUTF8Validation: true,
      localAddress: loopbackAddress(settings.addressBlock, address),
    });
    sockets.push(ws);
    let settled = false;
    let subscribed = false;
    let sequence: number | undefined;
    const settle = (ok: boolean) => {
      if (settled) return;
      settled = true;
      subscribed = ok;
      clearTimeout(timer);
      resolve(ok);
    };
    const timer = setTimeout(() => {
      ws.terminate();
      settle(false);
    }, settings.connectTimeoutMs);

    ws.on("open", () => {
      if (settings.protocol === "trpc") ws.send(encodeSubscribe(settings.symbol));
      else settle(true);
    });
    ws.on("message", (data: Buffer) => {
      const receivedAt = Date.now();
      const frame = readFrame(data);
      switch (frame.kind) {
        case "diff":
          if (sequence !== undefined && frame.fromSequence > sequence + 1) counts.gaps += 1;
          sequence = frame.toSequence;
          if (!measuring) return;
          histogram.record(receivedAt - frame.publishedAt);
          counts.messages += 1;
          return;
        case "snapshot":
          sequence = frame.sequence;
          settle(true);
          return;
        case "ping":
          ws.send("PONG");
          return;
        case "error":
          counts.errors += 1;
          return;
        default:
          return;
      }
    });
    ws.on("error", () => {
      // Reported through "close", which always follows.
    });
    ws.on("close", () => {
      if (subscribed && !finishing) counts.dropped += 1;
      settle(false);
    });
  });
}

async function connectAll(): Promise<number> {
  let subscribed = 0;
  for (let start = 0; start < settings.connections; start += settings.connectConcurrency) {
    const wave = Math.min(settings.connectConcurrency, settings.connections - start);
    const results = await Promise.all(
      Array.from({ length: wave }, (_, i) => openSubscription(start + i)),
    );
    for (const ok of results) {
      if (ok) subscribed += 1;
      else counts.failed += 1;
    }
  }
  return subscribed;
}

// Orphaned by a bench that died, a child must not linger holding sockets.
process.on("disconnect", () => process.exit(0));

process.on("message", (message: ToSubscriber) => {
  if (message.type === "measure") {
    measuring = true;
    cpuAtStart = process.cpuUsage();
    return;
  }
  measuring = false;
  finishing = true;
  const cpu = process.cpuUsage(cpuAtStart);
  const cpuSeconds = cpuAtStart ? (cpu.user + cpu.system) / 1e6 : 0;
  void send({ type: "result", latencies: histogram.entries(), ...counts, cpuSeconds }).then(() => {
    for (const ws of sockets) ws.terminate();
    process.exit(0);
  });
});

const subscribed = await connectAll();
await send({ type: "ready", subscribed, failed: counts.failed });
