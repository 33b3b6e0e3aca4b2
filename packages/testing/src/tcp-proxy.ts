import { once } from "node:events";
import { connect, createServer, type Socket } from "node:net";

export interface TcpProxy {
  /** The port it listens on, on 127.0.0.1. */
  port: number;
  /** `url` with its host and port replaced by the proxy's. */
  urlFor(url: string): string;
  /**
   * Stops forwarding bytes either way, on open connections and new ones, without closing any
   * (they are held back): to both ends the other has gone silent, as across a partition.
   */
  partition(): void;
  /** Forwards again, what was held back included. */
  heal(): void;
  /** Closes every connection and stops listening. */
  close(): Promise<void>;
}

/**
 * A TCP proxy on loopback in front of `target` (PostgreSQL, say) that a test can partition.
 *
 * @example
 * const proxy = await startTcpProxy({ host: "127.0.0.1", port: 5432 });
 * const url = proxy.urlFor(process.env.DATABASE_URL);
 * proxy.partition(); // the server behind `url` stops answering; nothing is closed
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  /** Sends on what a partition held back, per direction. */
  const releases = new Set<() => void>();
  let partitioned = false;
  const forward = (from: Socket, to: Socket) => {
    const held: Buffer[] = [];
    from.on("data", (chunk: Buffer) => {
      if (partitioned) held.push(chunk);
      else to.write(chunk);
    });
    const release = () => {
      for (const chunk of held.splice(0)) to.write(chunk);
    };
    releases.add(release);
    from.on("close", () => releases.delete(release));
  };
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    // A reset from either end ends the pair; nothing to report in a test's proxy.
    socket.on("error", () => socket.destroy());
  };
  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    track(client);
    track(upstream);
    forward(client, upstream);
    forward(upstream, client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no proxy port");
  const { port } = address;
  return {
    port,
    urlFor(url) {
      const proxied = new URL(url);
      proxied.hostname = "127.0.0.1";
      proxied.port = String(port);
      return proxied.toString();
    },
    partition() {
      partitioned = true;
    },
    heal() {
      partitioned = false;
      for (const release of releases) release();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      const closed = once(server, "close");
      server.close();
      await closed;
    },
  };
}
