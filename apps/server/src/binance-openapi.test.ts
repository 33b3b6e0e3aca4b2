import { binanceOpenApi } from "@cryptotrade/binance-api";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { useTradingServer } from "./testing/trading";

type Operation = {
  "x-security-type": string;
  parameters: Array<{ name: string; required: boolean; example?: string }>;
  responses: { "200": { content: { "application/json": { schema: object } } } };
};

const document = binanceOpenApi();
const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({
    path,
    method: method.toUpperCase(),
    operation: operation as unknown as Operation,
  })),
);

/**
 * The queries a public endpoint is driven with: its required parameters (from their examples),
 * then those plus each optional parameter that has an example, one at a time (so `symbol` and
 * `symbols` are each sent alone: an object and an array answer).
 */
function queriesOf({ parameters }: Operation): string[] {
  const required = parameters.filter((parameter) => parameter.required);
  for (const parameter of required) {
    if (parameter.example === undefined) throw new Error(`${parameter.name} has no example`);
  }
  const base = required.map(({ name, example }) => [name, String(example)]);
  const optional = parameters.filter((p) => !p.required && p.example !== undefined);
  return [base, ...optional.map(({ name, example }) => [...base, [name, String(example)]])].map(
    (pairs) => new URLSearchParams(pairs).toString(),
  );
}

describe("the Binance surface's OpenAPI document against the running server", () => {
  const t = useTradingServer();

  beforeAll(async () => {
    // A book on each side and a trade, so every answer has entries to check.
    await t.tradeAt("BTC-USDT", "30000.00");
    await t.tradeAt("ETH-BTC", "0.050000");
  });

  it("serves every path it documents under /api/v3, and no other", async () => {
    // Each documented operation is served: asked with no parameters it refuses them, never
    // "not supported" (-1020), which is the answer to a path the server does not serve.
    for (const { method, path } of operations) {
      const answer = await t.server.fetch(path, {
        method: method.toUpperCase(),
        headers: { "x-mbx-apikey": "not-a-key" },
      });
      expect({ path, code: (await answer.json()).code }).not.toEqual({ path, code: -1020 });
    }
    for (const path of ["/order/oco", "/margin/order", "/ticker", "/myPreventedMatches"]) {
      const answer = await t.server.fetch(`/api/v3${path}`);
      expect({ path, code: (await answer.json()).code }).toEqual({ path, code: -1020 });
    }
  });

  it("answers each public endpoint with what the document says it answers", async () => {
    const maker = await t.trader({ BTC: "1", USDT: "100000" });
    await maker.client.orders.place.mutate({
      symbol: "BTC-USDT",
      side: "buy",
      type: "limit",
      price: "29000.00",
      quantity: "0.1",
    });
    await maker.client.orders.place.mutate({
      symbol: "BTC-USDT",
      side: "sell",
      type: "limit",
      price: "31000.00",
      quantity: "0.1",
    });
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    ajv.addKeyword("example");
    const publicOperations = operations.filter(
      ({ operation }) => operation["x-security-type"] === "NONE",
    );
    expect(publicOperations.length).toBeGreaterThanOrEqual(11);
    let checked = 0;
    for (const { path, method, operation } of publicOperations) {
      const validate = ajv.compile(operation.responses["200"].content["application/json"].schema);
      for (const query of queriesOf(operation)) {
        const url = `${path}${query ? `?${query}` : ""}`;
        const res = await t.server.fetch(url, { method });
        const body = await res.json();
        expect({ url, status: res.status }).toEqual({ url, status: 200 });
        expect({ url, errors: validate(body) ? [] : validate.errors }).toEqual({ url, errors: [] });
        checked += 1;
      }
    }
    // Every endpoint once, and the optional parameters with examples on top.
    expect(checked).toBeGreaterThan(publicOperations.length);
  });

  it("refuses an answer the document does not describe (the check can fail)", () => {
    const ajv = new Ajv2020({ strict: true });
    ajv.addKeyword("example");
    const depth = operations.find(({ path }) => path === "/api/v3/depth");
    const validate = ajv.compile(
      depth?.operation.responses["200"].content["application/json"].schema ?? {},
    );
    expect(validate({ lastUpdateId: 1, bids: [["1.00", "2"]], asks: [] })).toBe(true);
    expect(validate({ lastUpdateId: 1, bids: [["1.00", 2]], asks: [] })).toBe(false);
    expect(validate({ lastUpdateId: 1, bids: [], asks: [], extra: true })).toBe(false);
  });
});
