import { CALL_BUDGET, costOf, MAX_BATCH_SIZE } from "@cryptotrade/api/server";
import { openRawSocket, queryCall } from "@cryptotrade/testing/raw-socket";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerUser, startTestServer, type TestServer } from "./testing/test-server";

describe("a caller's budget is priced by work and outlives its sockets", () => {
  let server: TestServer;
  let url: string;
  let addresses = 0;
  // Behind a proxy, each socket from an address of its own: reconnecting is limited per
  // address, and these tests are about what the user's budget allows, whatever the address.
  const nextAddress = () => `203.0.113.${++addresses % 250}`;
  beforeAll(async () => {
    server = await startTestServer({ env: { TRUST_PROXY: "true" } });
    url = await server.listen();
  });
  afterAll(() => server.close());

  /** One frame of `count` calls to `path` on a fresh socket as `token`; the answers' codes. */
  async function callOnNewSocket(
    token: string,
    path: string,
    count: number,
    input?: object,
  ): Promise<string[]> {
    const socket = await openRawSocket(url, { token, address: nextAddress() });
    try {
      const ids = Array.from({ length: count }, (_, i) => i + 1);
      socket.send(JSON.stringify(ids.map((id) => queryCall(id, path, input))));
      await socket.settle(ids);
      return ids.map((id) => socket.answers.get(id) ?? "UNANSWERED");
    } finally {
      socket.ws.close();
    }
  }

  const refusals = (answers: string[]) =>
    answers.filter((answer) => answer === "TOO_MANY_REQUESTS").length;

  /**
   * Spends all but `left` points of the user's budget with CSV exports (a new user has no
   * transactions, so they are quick), so a test is over well inside one budget window.
   */
  async function spendBudgetBut(token: string, left: number): Promise<void> {
    const exports = (CALL_BUDGET.points - left) / costOf("wallet.exportCsv", undefined);
    expect(Number.isInteger(exports)).toBe(true);
    expect(await callOnNewSocket(token, "wallet.exportCsv", exports)).toEqual(
      Array.from({ length: exports }, () => "OK"),
    );
  }

  it("keeps refusing a signed-in socket flooding auth.me however often it reconnects", async () => {
    const alice = await registerUser(server);
    const left = 250;
    await spendBudgetBut(alice.token, left);
    const answers: string[] = [];
    for (let socket = 0; socket < 3; socket++) {
      answers.push(...(await callOnNewSocket(alice.token, "auth.me", MAX_BATCH_SIZE)));
    }
    // What was left paid for this many; every other call, on every socket, was refused.
    const allowed = Math.floor(left / costOf("auth.me", undefined));
    expect(answers.filter((answer) => answer === "OK")).toHaveLength(allowed);
    expect(refusals(answers)).toBe(answers.length - allowed);
    expect(refusals(answers.slice(-MAX_BATCH_SIZE))).toBe(MAX_BATCH_SIZE);
    // A new socket, the same user: the budget did not start again.
    expect(await callOnNewSocket(alice.token, "auth.me", 1)).toEqual(["TOO_MANY_REQUESTS"]);
    // Another user's budget is untouched.
    const bob = await registerUser(server);
    expect(await callOnNewSocket(bob.token, "auth.me", 1)).toEqual(["OK"]);
  });

  it("refuses more of a flood of market.tickers than of as many market.ticker calls", async () => {
    const [heavy, light] = [await registerUser(server), await registerUser(server)];
    const left = 500;
    await spendBudgetBut(heavy.token, left);
    await spendBudgetBut(light.token, left);
    const heavyAnswers = await callOnNewSocket(heavy.token, "market.tickers", MAX_BATCH_SIZE);
    const lightAnswers = await callOnNewSocket(light.token, "market.ticker", MAX_BATCH_SIZE, {
      symbol: "BTC-USDT",
    });
    expect(refusals(heavyAnswers)).toBe(
      MAX_BATCH_SIZE - Math.floor(left / costOf("market.tickers", undefined)),
    );
    expect(refusals(heavyAnswers)).toBeGreaterThan(0);
    expect(lightAnswers).toEqual(Array.from({ length: MAX_BATCH_SIZE }, () => "OK"));
  });
});
