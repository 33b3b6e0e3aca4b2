import http from "node:http";

/**
 * The bench's two calls, spoken in tRPC's HTTP wire format over keep-alive `node:http`: a
 * query is `GET /trpc/<path>`, a mutation `POST /trpc/<path>` with `{"json": input}` (the
 * superjson form of plain JSON). The typed client (fetch, links, superjson) spends about a
 * millisecond of CPU per call; at a few hundred calls a second on a 2-core machine, the
 * load process would take the CPU the server is measured on, so the bench speaks the
 * protocol directly, as any lean bot could.
 */
export interface WireClient {
  query(path: string): Promise<unknown>;
  mutate(path: string, input: unknown): Promise<unknown>;
}

export function createWireClient(url: string, token: string, agent: http.Agent): WireClient {
  const base = new URL("/trpc/", url);
  const call = (path: string, body: string | undefined) =>
    new Promise<unknown>((resolve, reject) => {
      const request = http.request(
        new URL(path, base),
        {
          method: body === undefined ? "GET" : "POST",
          agent,
          headers: {
            authorization: `Bearer ${token}`,
            ...(body === undefined ? {} : { "content-type": "application/json" }),
          },
        },
        (response) => {
          let text = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => {
            text += chunk;
          });
          response.on("end", () => {
            const parsed = parseBody(text);
            if (response.statusCode === 200 && parsed?.result) resolve(parsed.result.data);
            else reject(new Error(parsed?.error?.json?.message ?? `HTTP ${response.statusCode}`));
          });
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  return {
    query: (path) => call(path, undefined),
    mutate: (path, input) => call(path, JSON.stringify({ json: input })),
  };
}

interface WireResponse {
  result?: { data: unknown };
  error?: { json?: { message?: string } };
}

function parseBody(text: string): WireResponse | undefined {
  try {
    return JSON.parse(text) as WireResponse;
  } catch {
    return undefined;
  }
}
