import net from "node:net";

/**
 * A TCP proxy for tests that loses a connection at a chosen moment, as a failing network or
 * proxy between the server and PostgreSQL would. `dropAnswerTo(marker)`: the next message
 * carrying `marker` reaches the database, and the connection is cut as its answer comes back
 * (the statement ran; only the answer is lost). `dropBefore(marker)`: the connection is cut
 * instead of sending it (it never ran). `refuseConnections(true)`: the database is out of reach.
 */
export class DropProxy {
  /** How many connections were cut on a marker: what a test counts. */
  drops = 0;
  private armed: { marker: Buffer; when: "answer" | "before"; thenRefuse: boolean } | undefined;
  private refusing = false;
  private readonly sockets = new Set<net.Socket>();

  private constructor(private readonly server: net.Server) {}

  /** Listens on a free loopback port, forwarding to `target` (a postgres:// URL's host and port). */
  static async start(target: { host: string; port: number }): Promise<DropProxy> {
    let proxy: DropProxy | undefined;
    const server = net.createServer((client) => proxy?.connect(client, target));
    proxy = new DropProxy(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return proxy;
  }

  get port(): number {
    const address = this.server.address();
    if (typeof address !== "object" || address === null) throw new Error("proxy not listening");
    return address.port;
  }

  /** With `thenRefuse`, the database is out of reach from the cut on (see `refuseConnections`). */
  dropAnswerTo(marker: string, options: { thenRefuse?: boolean } = {}): void {
    this.armed = { marker: Buffer.from(marker), when: "answer", thenRefuse: !!options.thenRefuse };
  }

  dropBefore(marker: string): void {
    this.armed = { marker: Buffer.from(marker), when: "before", thenRefuse: false };
  }

  /** While true, every connection (new and open) is cut at once. */
  refuseConnections(refuse: boolean): void {
    this.refusing = refuse;
    if (refuse) for (const socket of this.sockets) socket.destroy();
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private connect(client: net.Socket, target: { host: string; port: number }): void {
    if (this.refusing) {
      client.destroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    this.track(client);
    this.track(upstream);
    const cut = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", cut).on("close", cut);
    upstream.on("error", cut).on("close", cut);
    let awaitingAnswer: { thenRefuse: boolean } | undefined;
    client.on("data", (chunk: Buffer) => {
      const armed = this.armed;
      if (armed && chunk.includes(armed.marker)) {
        this.armed = undefined;
        this.drops += 1;
        if (armed.when === "before") return cut();
        awaitingAnswer = armed;
      }
      upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => {
      if (!awaitingAnswer) return client.write(chunk);
      if (awaitingAnswer.thenRefuse) this.refuseConnections(true);
      cut();
    });
  }

  private track(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on("close", () => this.sockets.delete(socket));
  }
}
