import { setImmediate as yieldToEvents } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { rejectionOf, useTradingServer } from "./testing/trading";

const ADDRESS = "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE";
const HEADER = "id,time,type,asset,amount,status,address";

/** Waits for the clock to pass `instant`, so whatever is stamped next is strictly later. */
async function clockPasses(instant: Date): Promise<void> {
  while (Date.now() <= instant.getTime()) await yieldToEvents();
}

/** The data lines of an export, without the header. */
function csvLines(csv: string): string[] {
  const lines = csv.trimEnd().split("\n");
  expect(lines[0]).toBe(HEADER);
  return lines.slice(1);
}

describe("wallet history filters (transactions and exportCsv alike)", () => {
  const t = useTradingServer();

  it("narrows by type, asset, status and time, and the export holds exactly the listed rows", async () => {
    const user = await t.securedTrader({ USDT: "1000", BTC: "1" });
    const first = await user.client.wallet.transactions.query();
    // Each withdrawal strictly later than everything before it, so the time filters split them.
    await clockPasses(new Date(Math.max(...first.items.map((x) => x.createdAt.getTime()))));
    const usdtOut = await user.client.wallet.withdraw.mutate({
      asset: "USDT",
      amount: "100",
      address: ADDRESS,
      totpCode: user.code(),
    });
    await clockPasses(usdtOut.createdAt);
    const btcOut = await user.client.wallet.withdraw.mutate({
      asset: "BTC",
      amount: "0.1",
      address: ADDRESS,
      totpCode: user.code(),
    });
    const admin = await t.admin();
    await admin.client.admin.rejectWithdrawal.mutate({ transactionId: btcOut.id });

    const cases = [
      [{ type: "deposit" }, ["deposit BTC completed", "deposit USDT completed"]],
      [{ type: "withdrawal" }, ["withdrawal BTC rejected", "withdrawal USDT pending"]],
      [{ asset: "BTC" }, ["withdrawal BTC rejected", "deposit BTC completed"]],
      [{ status: "pending" }, ["withdrawal USDT pending"]],
      [{ type: "withdrawal", status: "rejected", asset: "BTC" }, ["withdrawal BTC rejected"]],
      [{ type: "withdrawal", asset: "ETH" }, []],
      [{ from: usdtOut.createdAt }, ["withdrawal BTC rejected", "withdrawal USDT pending"]],
      [{ from: usdtOut.createdAt, to: btcOut.createdAt }, ["withdrawal USDT pending"]],
      [{ to: usdtOut.createdAt }, ["deposit BTC completed", "deposit USDT completed"]],
    ] as const;
    for (const [filter, expected] of cases) {
      const listed = await user.client.wallet.transactions.query(filter);
      expect([filter, listed.items.map((x) => `${x.type} ${x.asset} ${x.status}`)]).toEqual([
        filter,
        expected,
      ]);
      const exported = await user.client.wallet.exportCsv.query(filter);
      expect(exported).toMatchObject({ filename: "transactions.csv", contentType: "text/csv" });
      expect([filter, csvLines(exported.csv)]).toEqual([
        filter,
        listed.items.map((x) =>
          [
            x.id,
            x.createdAt.toISOString(),
            x.type,
            x.asset,
            x.amount,
            x.status,
            x.address ?? "",
          ].join(","),
        ),
      ]);
    }
    // Without a filter, everything: the two deposits seen first and both withdrawals.
    const all = csvLines((await user.client.wallet.exportCsv.query()).csv);
    expect(all).toHaveLength(first.items.length + 2);
  });

  it("pages a filtered history with the cursor, never mixing in other rows", async () => {
    const user = await t.securedTrader({ USDT: "1000", BTC: "1" });
    for (let i = 0; i < 5; i += 1) {
      await user.client.wallet.deposit.mutate({ asset: "ETH", amount: `${i + 1}` });
    }
    const first = await user.client.wallet.transactions.query({ asset: "ETH", limit: 2 });
    const second = await user.client.wallet.transactions.query({
      asset: "ETH",
      limit: 2,
      cursor: first.nextCursor ?? undefined,
    });
    const third = await user.client.wallet.transactions.query({
      asset: "ETH",
      limit: 2,
      cursor: second.nextCursor ?? undefined,
    });
    expect(third.nextCursor).toBeNull();
    expect([...first.items, ...second.items, ...third.items].map((x) => x.amount)).toEqual([
      "5.00000000",
      "4.00000000",
      "3.00000000",
      "2.00000000",
      "1.00000000",
    ]);
  });

  it("refuses filters that are not one of the known values", async () => {
    const user = await t.trader({ USDT: "10" });
    const bad = [{ status: "approved" }, { asset: "usdt" }, { type: "trade" }] as const;
    for (const filter of bad) {
      for (const call of [
        // @ts-expect-error: values the API does not take
        () => user.client.wallet.transactions.query(filter),
        // @ts-expect-error: values the API does not take
        () => user.client.wallet.exportCsv.query(filter),
      ]) {
        expect([filter, (await rejectionOf(call())).code]).toEqual([filter, "BAD_REQUEST"]);
      }
    }
  });
});
