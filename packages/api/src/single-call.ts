import {
  callTRPCProcedure,
  getErrorShape,
  getTRPCErrorFromUnknown,
  TRPCError,
  transformTRPCResponse,
} from "@trpc/server";
import { getHTTPStatusCode } from "@trpc/server/http";
import type { Context } from "./context";
import { appRouter } from "./root";

/** One plain query (`GET`) or mutation (`POST`), the shape of nearly every bot's call. */
export interface SingleCall {
  type: "query" | "mutation";
  /** The procedure's path, e.g. `orders.place`. */
  path: string;
}

/** What deciding needs of a request under the tRPC endpoint. */
export interface SingleCallRequest {
  method: string;
  /** The URL path after the endpoint, without slashes at either end. */
  path: string;
  search: URLSearchParams;
  header(name: string): string | null | undefined;
}

/** A finished answer in tRPC's wire format: status, JSON body and headers to send. */
export interface SingleCallAnswer {
  status: number;
  body: string;
  headers: Headers;
}

const config = appRouter._def._config;
// At run time tRPC keeps every procedure under its full dotted path.
const procedures = appRouter._def.procedures as unknown as Record<
  string,
  { _def: { type: string } } | undefined
>;
const METHOD_OF_TYPE = { query: "GET", mutation: "POST" } as const;
/** The headers tRPC's fetch adapter puts on every single call's answer. */
const ANSWER_HEADERS: [string, string][] = [
  ["vary", "trpc-accept, accept"],
  ["content-type", "application/json"],
];

/**
 * The call this request makes when it is a single query or mutation with a JSON input, else
 * null: batches, subscriptions, streaming accepts, other content types, escaped or unknown
 * paths and wrong methods are left to tRPC's own adapter, which also owns their errors.
 */
export function findSingleCall(request: SingleCallRequest): SingleCall | null {
  const { path, method, search } = request;
  if (path === "" || /[,%]/.test(path) || search.has("batch") || search.has("connectionParams")) {
    return null;
  }
  if (request.header("trpc-accept") || /jsonl|event-stream/i.test(request.header("accept") ?? "")) {
    return null;
  }
  const type = procedures[path]?._def.type;
  if (type !== "query" && type !== "mutation") return null;
  if (METHOD_OF_TYPE[type] !== method) return null;
  // tRPC picks its input parser by content type, defaulting to JSON only for a GET without one.
  const contentType = request.header("content-type");
  if (contentType ? !isJson(contentType) : method === "POST") return null;
  return { type, path };
}

/**
 * Answers a single call exactly as tRPC's fetch adapter would (same body, status and headers),
 * without building a Fetch `Request`, `Response`, streams and abort signals for it: on a
 * 2-core server those cost as much CPU as placing the order (ADR 011).
 *
 * @example
 * const answer = await answerSingleCall(call, { readInput: async () => body, createContext });
 */
export async function answerSingleCall(
  call: SingleCall,
  io: {
    /** The call's raw JSON input: the `input` query parameter or the body; empty for none. */
    readInput(): Promise<string | null | undefined>;
    createContext(resHeaders: Headers): Promise<Context>;
  },
): Promise<SingleCallAnswer> {
  const headers = new Headers(ANSWER_HEADERS);
  const resHeaders = new Headers();
  let input: unknown;
  let inputRead: Promise<unknown> | undefined;
  let ctx: Context | undefined;
  let response: Parameters<typeof transformTRPCResponse>[1];
  let error: TRPCError | undefined;
  try {
    ctx = await io.createContext(resHeaders);
    const data: unknown = await callTRPCProcedure({
      router: appRouter,
      path: call.path,
      type: call.type,
      ctx,
      // Only subscriptions listen for the caller leaving, and they never come this way.
      signal: undefined,
      batchIndex: 0,
      // Read once, like tRPC's memo; the error shape echoes it once read.
      getRawInput: () =>
        (inputRead ??= readJsonInput(io.readInput).then((value) => {
          input = value;
          return value;
        })),
    });
    if (isDataStream(data)) {
      throw new TRPCError({
        code: "UNSUPPORTED_MEDIA_TYPE",
        message:
          "Cannot use stream-like response in non-streaming request - use httpBatchStreamLink",
      });
    }
    response = { result: { data } };
  } catch (cause) {
    error = getTRPCErrorFromUnknown(cause);
    response = {
      error: getErrorShape({ config, ctx, error, input, path: call.path, type: call.type }),
    };
  }
  for (const [name, value] of resHeaders) headers.append(name, value);
  return {
    status: getHTTPStatusCode([response], error ? [error] : []),
    body: JSON.stringify(transformTRPCResponse(config, response)),
    headers,
  };
}

/**
 * The answer tRPC gives a single call that failed with `error` before it ran (no context, no
 * input read), with `headers` beside its own.
 *
 * @example
 * const refused = answerFailedCall(call, new TRPCError({ code: "TOO_MANY_REQUESTS" }));
 */
export function answerFailedCall(
  call: SingleCall,
  error: TRPCError,
  headers: [string, string][] = [],
): SingleCallAnswer {
  const response = {
    error: getErrorShape({ config, ctx: undefined, error, input: undefined, ...call }),
  };
  return {
    status: getHTTPStatusCode([response], [error]),
    body: JSON.stringify(transformTRPCResponse(config, response)),
    headers: new Headers([...ANSWER_HEADERS, ...headers]),
  };
}

/** tRPC's reading of an input: JSON, then the transformer; a bad one is BAD_REQUEST. */
async function readJsonInput(read: () => Promise<string | null | undefined>): Promise<unknown> {
  try {
    const text = await read();
    return text ? config.transformer.input.deserialize(JSON.parse(text)) : undefined;
  } catch (cause) {
    if (cause instanceof TRPCError) throw cause;
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: cause instanceof Error ? cause.message : "Invalid input",
      cause,
    });
  }
}

function isJson(contentType: string): boolean {
  return contentType.toLowerCase().split(";", 1)[0]?.trim() === "application/json";
}

/** tRPC's test for output that only a streaming link can carry. */
function isDataStream(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  if (Symbol.asyncIterator in value) return true;
  return Object.values(value).some(
    (field) =>
      field instanceof Promise ||
      (typeof field === "object" && field !== null && Symbol.asyncIterator in field),
  );
}
