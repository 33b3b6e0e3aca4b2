import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";

/**
 * Serves `GET /metrics` from `registry` on a port of its own, never the public one, so the
 * scrape endpoint is reachable only where the operator's network lets Prometheus in.
 *
 * @example
 * const metricsServer = await serveMetrics({ registry, port: 9464, host: "0.0.0.0" });
 * console.log(metricsServer.url); // http://0.0.0.0:9464/metrics
 */
export async function serveMetrics(options: {
  registry: Registry;
  port: number;
  host: string;
  onError?: (error: unknown) => void;
}): Promise<{ url: string; close(): Promise<void> }> {
  const { registry } = options;
  const server: Server = createServer((req, res) => {
    if (req.method !== "GET" || req.url?.split("?", 1)[0] !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
      return;
    }
    registry.metrics().then(
      (body) => res.writeHead(200, { "content-type": registry.contentType }).end(body),
      (error: unknown) => {
        options.onError?.(error);
        res.writeHead(500, { "content-type": "text/plain" }).end("metrics failed\n");
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}/metrics`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
