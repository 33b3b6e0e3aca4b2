import { Parser } from "@asyncapi/parser";
import { describe, expect, it } from "vitest";
import { binanceAsyncApi } from "./asyncapi";

describe("binanceAsyncApi", () => {
  // The parser loads its rulesets on first use: seconds on a busy machine, hence the timeout.
  it("is a valid AsyncAPI 3.0 document by the AsyncAPI parser, with no errors or warnings", async () => {
    const document = binanceAsyncApi({ host: "exchange.example.com" });
    const { document: parsed, diagnostics } = await new Parser().parse(JSON.stringify(document));
    // Severity 0 is an error, 1 a warning.
    expect(diagnostics.filter((d) => d.severity <= 1)).toEqual([]);
    expect(parsed?.version()).toBe("3.0.0");
    expect(
      parsed
        ?.channels()
        .all()
        .map((c) => c.address()),
    ).toEqual(["/ws/{streamName}", "/stream", "/ws/{listenKey}", "/ws-api/v3"]);
  }, 30_000);

  it("describes each payload with the schema the builders return", () => {
    const { components } = binanceAsyncApi();
    const depth = components.messages.depthUpdate?.payload as {
      required: string[];
      properties: Record<string, unknown>;
    };
    expect(depth.required).toEqual(["e", "E", "s", "U", "u", "b", "a"]);
    expect(Object.keys(components.messages)).toContain("executionReport");
  });
});
