import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local OTLP/HTTP receiver that reads and drops what it is sent, counting requests, so the
 * bench pays for exporting spans (serialising, HTTP) without a collector to run.
 */
export async function startSpanSink(): Promise<{
  url: string;
  requests(): number;
  close(): Promise<void>;
}> {
  let requests = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      requests += 1;
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
