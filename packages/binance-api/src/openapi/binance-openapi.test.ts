import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { BINANCE_ENDPOINTS } from "../binance-api";
import { endpoint } from "../endpoint";
import { binanceOpenApi } from "./binance-openapi";
import { openApiDocument } from "./openapi-document";

type Operation = Record<string, unknown> & {
  parameters: Array<{ name?: string; $ref?: string }>;
  security: unknown[];
};

const operationOf = (path: string, method = "get") =>
  binanceOpenApi().paths[`/api/v3${path}`]?.[method] as Operation;

describe("binanceOpenApi", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    // structuredClone: the validator dereferences the document it is given in place.
    const result = await validate(structuredClone(binanceOpenApi()) as never);
    expect(result.valid ? "" : compileErrors(result)).toBe("");
    expect(result.valid && result.specification).toBe("OpenAPI");
    // The validator does refuse: a 3.1 document without its info's title and version.
    const broken = { ...structuredClone(binanceOpenApi()), info: {} };
    expect((await validate(broken as never)).valid).toBe(false);
  });

  it("lists every endpoint once, with its weight and security", () => {
    const paths = binanceOpenApi().paths;
    for (const definition of BINANCE_ENDPOINTS) {
      const operation = paths[`/api/v3${definition.path}`]?.[definition.method.toLowerCase()];
      expect(operation, definition.path).toMatchObject({
        summary: definition.summary,
        "x-security-type": definition.security,
      });
      expect(operation?.["x-weight"], definition.path).toBeDefined();
    }
    expect(operationOf("/depth")["x-weight"]).toMatch(/250/);
    expect(operationOf("/ping")["x-weight"]).toBe(1);
  });

  it("takes the parameters from the zod schema the handler parses with", () => {
    const klines = operationOf("/klines").parameters;
    expect(klines.map((parameter) => parameter.name)).toEqual([
      "symbol",
      "interval",
      "startTime",
      "endTime",
      "limit",
    ]);
    expect(klines[1]).toMatchObject({
      required: true,
      schema: { enum: expect.arrayContaining(["1m", "1d"]) },
    });
    expect(operationOf("/ticker/price").parameters.map((p) => p.name)).toEqual([
      "symbol",
      "symbols",
    ]);
  });

  it("asks signed endpoints for the key, timestamp and signature, and public ones for nothing", () => {
    const account = operationOf("/account");
    expect(account.security).toEqual([{ ApiKey: [] }]);
    expect(account.parameters.map((p) => p.name ?? p.$ref)).toEqual([
      "omitZeroBalances",
      "#/components/parameters/timestamp",
      "#/components/parameters/recvWindow",
      "#/components/parameters/signature",
    ]);
    expect(operationOf("/depth").security).toEqual([]);
    const { securitySchemes } = binanceOpenApi().components;
    expect(securitySchemes.ApiKey).toMatchObject({ in: "header", name: "X-MBX-APIKEY" });
    expect(String(securitySchemes.ApiKey?.description)).toMatch(/HMAC-SHA256[\s\S]*Ed25519/);
  });

  it("answers refusals with Binance's {code,msg}", () => {
    const responses = operationOf("/depth").responses as Record<string, unknown>;
    for (const status of ["400", "404", "418", "429", "4XX", "5XX"]) {
      expect(responses[status], status).toMatchObject({
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      });
    }
  });

  it("refuses a weight that depends on the parameters without saying how", () => {
    const undescribed = endpoint({
      method: "GET",
      path: "/thing",
      summary: "A thing",
      security: "NONE",
      weight: () => 1,
      params: z.object({}),
      response: z.object({}),
      handle: async () => ({}),
    });
    expect(() => openApiDocument([undescribed], "/api/v3")).toThrow(/needs its description/);
  });

  it("says a non-GET endpoint's parameters may come in a form body", () => {
    const described = {
      path: "/thing",
      summary: "A thing",
      security: "NONE",
      weight: 1,
      params: z.object({ symbol: z.string() }),
      response: z.object({}),
      handle: async () => ({}),
    } as const;
    const document = openApiDocument(
      [endpoint({ ...described, method: "POST" }), endpoint({ ...described, method: "GET" })],
      "/api/v3",
    );
    const operations = document.paths["/api/v3/thing"] ?? {};
    expect(operations.post?.description).toMatch(/x-www-form-urlencoded/);
    expect(operations.get?.description).not.toMatch(/x-www-form-urlencoded/);
    expect(operations.post?.parameters).toEqual(operations.get?.parameters);
  });
});
