import { z } from "zod";
import type { Endpoint, Security } from "../endpoint";
import { SIGNING } from "./signing";

type JsonSchema = Record<string, unknown>;

/** The parts of an OpenAPI 3.1 document this generator writes. */
export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  tags: Array<{ name: string; description: string }>;
  paths: Record<string, Record<string, JsonSchema>>;
  components: {
    schemas: Record<string, JsonSchema>;
    parameters: Record<string, JsonSchema>;
    securitySchemes: Record<string, JsonSchema>;
  };
}

const TAG_OF: Record<Security, string> = {
  NONE: "Market data",
  USER_DATA: "Account",
  TRADE: "Trading",
  USER_STREAM: "User data stream",
};

const TAGS = [
  { name: "Market data", description: "Public: no key, no signature." },
  { name: "Account", description: "USER_DATA: signed with a key that may read." },
  { name: "Trading", description: "TRADE: signed with a key that may trade." },
  { name: "User data stream", description: "USER_STREAM: the key alone, no signature." },
];

/** Binance's refusal body, for every 4xx and 5xx. */
const ERROR_SCHEMA = {
  type: "object",
  properties: {
    code: { type: "integer", description: "Binance's error code.", example: -1121 },
    msg: { type: "string", example: "Invalid symbol." },
  },
  required: ["code", "msg"],
};

const errorAnswer = (description: string, headers?: JsonSchema) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

const RETRY_AFTER = {
  "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } },
};

const USED_WEIGHT = {
  "X-MBX-USED-WEIGHT-1M": {
    description: "Request weight this client address used in the current minute.",
    schema: { type: "integer" },
  },
};

const SIGNED_PARAMETERS: Record<string, JsonSchema> = {
  timestamp: {
    name: "timestamp",
    in: "query",
    required: true,
    description: "Milliseconds since the epoch when the request was made (microseconds accepted).",
    schema: { type: "string", pattern: "^[0-9]{1,20}$" },
  },
  recvWindow: {
    name: "recvWindow",
    in: "query",
    required: false,
    description:
      "Milliseconds after `timestamp` the request stays valid: 5000 when absent, at most 60000.",
    schema: { type: "string", pattern: "^[0-9]{1,5}(\\.[0-9]{1,3})?$" },
  },
  signature: {
    name: "signature",
    in: "query",
    required: true,
    description:
      "HMAC-SHA256 (hex) or Ed25519 (base64) signature of the query string and body; sent last.",
    schema: { type: "string" },
  },
};

/** Binance reads a non-GET request's parameters from its query string or its form body. */
const IN_BODY =
  "The parameters may also be sent as an `application/x-www-form-urlencoded` body; one sent in both is read from the query string.";

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), without its `$schema`. */
function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io }) as JsonSchema;
  return rest;
}

/** Each property of the parameters' object schema as one query parameter. */
function parametersOf(schema: z.ZodType): JsonSchema[] {
  const object = jsonSchemaOf(schema, "input");
  const properties = (object.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((object.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, example, ...parameterSchema } = property;
    return {
      name,
      in: "query",
      required: required.has(name),
      ...(description ? { description } : {}),
      ...(example !== undefined ? { example } : {}),
      schema: parameterSchema,
    };
  });
}

/** `GET /ticker/24hr` → `getTicker24hr`. */
function operationIdOf({ method, path }: Endpoint): string {
  const words = path.split(/[/_-]/).filter(Boolean);
  return (
    method.toLowerCase() + words.map((word) => word[0]?.toUpperCase() + word.slice(1)).join("")
  );
}

function weightOf(definition: Endpoint): number | string {
  if (typeof definition.weight === "number") return definition.weight;
  if (!definition.weightDescription) {
    throw new Error(
      `${definition.path}: a weight that depends on the parameters needs its description`,
    );
  }
  return definition.weightDescription;
}

function operationOf(definition: Endpoint, prefix: string): JsonSchema {
  const signed = definition.security === "USER_DATA" || definition.security === "TRADE";
  const weight = weightOf(definition);
  const weightLine = `Weight: ${String(weight).replace(/\.$/, "")}. Security: ${definition.security}.`;
  return {
    operationId: operationIdOf(definition),
    summary: definition.summary,
    description: [definition.description, weightLine, definition.method === "GET" ? "" : IN_BODY]
      .filter(Boolean)
      .join("\n\n"),
    tags: [TAG_OF[definition.security]],
    "x-weight": weight,
    "x-security-type": definition.security,
    security: definition.security === "NONE" ? [] : [{ ApiKey: [] }],
    parameters: [
      ...parametersOf(definition.params),
      ...(signed
        ? Object.keys(SIGNED_PARAMETERS).map((name) => ({
            $ref: `#/components/parameters/${name}`,
          }))
        : []),
    ],
    responses: {
      "200": {
        description: "Success.",
        headers: USED_WEIGHT,
        content: {
          // As output: objects are closed (no additionalProperties), so an answer carrying a
          // field the schema does not name fails the drift test.
          "application/json": { schema: jsonSchemaOf(definition.response, "output") },
        },
      },
      "400": errorAnswer("A parameter refused (-11xx), or an order refused (-1013, -2010 …)."),
      ...(definition.security === "NONE"
        ? {}
        : {
            "401": errorAnswer(
              "Key missing, malformed, unknown or without the permission (-2014, -2015).",
            ),
          }),
      "404": errorAnswer(`Not on this surface: any other path under ${prefix} (-1020).`),
      "418": errorAnswer("Banned for sending on after 429s (-1003).", RETRY_AFTER),
      "429": errorAnswer("Too much request weight this minute (-1003).", RETRY_AFTER),
      "4XX": errorAnswer("Refused, in Binance's words."),
      "5XX": errorAnswer(
        "Nothing done (-1001, -1008), outcome unknown (-1007), or a fault (-1000).",
      ),
    },
  };
}

/**
 * The OpenAPI 3.1 document of endpoints mounted under `prefix` (ADR 036): each endpoint's parameters from its zod
 * params schema (as input), its answer from its response schema, its weight in `x-weight`,
 * Binance's `{code,msg}` for every refusal, and the `X-MBX-APIKEY` key with
 * `timestamp`/`recvWindow`/`signature` on signed endpoints.
 *
 * @example
 * const document = openApiDocument(BINANCE_ENDPOINTS, "/api/v3");
 * document.paths["/api/v3/depth"]?.get?.["x-weight"]; // "By `limit` asked: …"
 */
export function openApiDocument(endpoints: readonly Endpoint[], prefix: string): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const definition of endpoints) {
    const path = `${prefix}${definition.path}`;
    paths[path] = {
      ...paths[path],
      [definition.method.toLowerCase()]: operationOf(definition, prefix),
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "CryptoTrade: Binance-compatible spot API",
      version: "v3",
      description: `Binance's spot REST API (v3) over the exchange's own procedures: the names, parameters, JSON and error codes are Binance's, so ccxt's \`binance\` and other Binance clients work with only their URLs changed. Deliberate differences from Binance are listed in docs/api.md.\n\n## Streams\n\nBinance's WebSocket market streams (\`/ws/<stream>\`, \`/stream?streams=…\`), the user data stream (\`/ws/<listenKey>\`) and the WebSocket API's user data subscription (\`/ws-api/v3\`) are described by the AsyncAPI 3 document at [/api/docs/asyncapi.json](/api/docs/asyncapi.json).\n\n## Signed requests\n\n${SIGNING}`,
    },
    // Only the tags some endpoint has: the viewer lists every tag, empty ones too.
    tags: TAGS.filter(({ name }) => endpoints.some(({ security }) => TAG_OF[security] === name)),
    paths,
    components: {
      schemas: { Error: ERROR_SCHEMA },
      parameters: SIGNED_PARAMETERS,
      securitySchemes: {
        ApiKey: {
          type: "apiKey",
          in: "header",
          name: "X-MBX-APIKEY",
          description: SIGNING,
        },
      },
    },
  };
}
