import { once } from "node:events";
import { request as httpRequest } from "node:http";
import { createServer, type Server } from "node:https";

export interface TlsProxy {
  close(): Promise<void>;
}

/**
 * What a deployment puts in front of the server: HTTPS outside, plain HTTP inside, the
 * client's address appended to `X-Forwarded-For` and `X-Forwarded-Proto: https` set, as
 * nginx does. It reaches the server from `sourceAddress` (a loopback address of its own,
 * so the server can tell it from a client connecting directly).
 */
export async function startTlsProxy(options: {
  port: number;
  upstreamPort: number;
  sourceAddress: string;
  certificate: { key: Buffer; cert: Buffer };
}): Promise<TlsProxy> {
  const server: Server = createServer(options.certificate, (req, res) => {
    const forwardedFor = [req.headers["x-forwarded-for"], req.socket.remoteAddress]
      .filter(Boolean)
      .join(", ");
    const upstream = httpRequest(
      {
        host: "127.0.0.1",
        port: options.upstreamPort,
        localAddress: options.sourceAddress,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, "x-forwarded-for": forwardedFor, "x-forwarded-proto": "https" },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  server.listen(options.port, "127.0.0.1");
  await once(server, "listening");
  return {
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
