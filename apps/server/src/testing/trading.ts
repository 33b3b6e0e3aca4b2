import type { RouterInputs } from "@cryptotrade/api/client";
import { type AuthClock, createAuthClock } from "@cryptotrade/auth/testing";
import { trimDecimal } from "@cryptotrade/contract/money";
import { checkInvariants } from "@cryptotrade/exchange";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import {
  makeAdmin,
  registerUser,
  startTestServer,
  type TestServer,
  type TestServerOptions,
  type TestUser,
} from "./test-server";
import { type SecuredUser, turnOnTwoFactor } from "./two-factor";

export type PlaceInput = RouterInputs["orders"]["place"];
export type Client = TestUser["client"];

/** A user's balances of the seeded assets, as the API shows them: exact decimal strings. */
export type Balances = Record<
  "BTC" | "ETH" | "SOL" | "USDT",
  { available: string; locked: string }
>;

export interface TradingHarness {
  /** The server of this test file (set in `beforeAll`). */
  readonly server: TestServer;
  /**
   * A new user funded through the demo faucet, e.g. `{ USDT: "10000", BTC: "1" }`. Their open
   * orders are cancelled after the test, so no test trades with another's leftovers.
   */
  trader(deposits?: Record<string, string>): Promise<TestUser>;
  /**
   * Like `trader`, with 2FA on (withdrawals need it): `code()` gives a fresh TOTP code. Needs
   * the harness's own auth clock (no `now` option).
   */
  securedTrader(deposits?: Record<string, string>): Promise<SecuredUser>;
  /** A new user with the admin role. */
  admin(): Promise<TestUser>;
  /** The auth service's clock, ahead of the real one (see `createAuthClock`). */
  readonly clock: AuthClock;
  /** Makes the last trade price of `symbol` exactly `price`, between two house accounts. */
  tradeAt(symbol: string, price: string, quantity?: string): Promise<void>;
}

const HOUSE_FUNDS = { USDT: "1000000", BTC: "10", ETH: "100", SOL: "1000" };

/**
 * One demo-mode server for the test file. After every test the ledger invariants must hold,
 * both as the test left the exchange and once its traders' orders are cancelled.
 *
 * @example
 * const t = useTradingServer();
 * it("...", async () => { const alice = await t.trader({ USDT: "1000" }); });
 */
export function useTradingServer(options: TestServerOptions = {}): TradingHarness {
  let server: TestServer | undefined;
  let house: { seller: TestUser; buyer: TestUser } | undefined;
  const traders: TestUser[] = [];
  const clock = createAuthClock();

  const requireServer = () => {
    if (!server) throw new Error("the test server is not running");
    return server;
  };
  const expectInvariants = async () => {
    const report = await checkInvariants(requireServer().database.db);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  };
  const fund = async (user: TestUser, deposits: Record<string, string>) => {
    for (const [asset, amount] of Object.entries(deposits)) {
      await user.client.wallet.deposit.mutate({ asset, amount });
    }
  };

  beforeAll(async () => {
    server = await startTestServer({
      now: clock.now,
      ...options,
      env: { DEMO: "true", ...options.env },
    });
  });
  afterEach(async () => {
    await expectInvariants();
    for (const user of traders.splice(0)) await user.client.orders.cancelAll.mutate();
    if (house) await house.seller.client.orders.cancelAll.mutate();
    await expectInvariants();
  });
  afterAll(() => server?.close());

  return {
    get server() {
      return requireServer();
    },
    async trader(deposits = {}) {
      const user = await registerUser(requireServer());
      await fund(user, deposits);
      traders.push(user);
      return user;
    },
    async securedTrader(deposits = {}) {
      if (options.now) throw new Error("securedTrader needs the harness's own auth clock");
      const user = await turnOnTwoFactor(
        requireServer(),
        await registerUser(requireServer()),
        clock,
      );
      await fund(user, deposits);
      traders.push(user);
      return user;
    },
    async admin() {
      const user = await registerUser(requireServer());
      await makeAdmin(requireServer(), user.userId);
      return user;
    },
    clock,
    async tradeAt(symbol, price, quantity = "0.01") {
      if (!house) {
        const [seller, buyer] = [
          await registerUser(requireServer()),
          await registerUser(requireServer()),
        ];
        await fund(seller, HOUSE_FUNDS);
        await fund(buyer, HOUSE_FUNDS);
        house = { seller, buyer };
      }
      const order = { symbol, type: "limit", price, quantity } as const;
      await house.seller.client.orders.place.mutate({ ...order, side: "sell" });
      const bought = await house.buyer.client.orders.place.mutate({
        ...order,
        side: "buy",
        timeInForce: "IOC",
      });
      await house.seller.client.orders.cancelAll.mutate();
      // The house must trade with itself; a test's resting order in the way is a test bug.
      expect(bought.status).toBe("filled");
      expect(sameDecimal(bought.averagePrice ?? "", price)).toBe(true);
    },
  };
}

/** The user's balances by asset, e.g. `{ USDT: { available: "10.000000", locked: "0.000000" } }`. */
export async function balancesOf(client: Client): Promise<Balances> {
  const rows = await client.portfolio.balances.query();
  const balance = (asset: string) => {
    const row = rows.find((r) => r.asset === asset);
    if (!row) throw new Error(`portfolio.balances has no ${asset} row`);
    return { available: row.available, locked: row.locked };
  };
  return { BTC: balance("BTC"), ETH: balance("ETH"), SOL: balance("SOL"), USDT: balance("USDT") };
}

/** How a call failed: its tRPC error code and message (code "OK" when it did not fail). */
export async function rejectionOf(
  call: Promise<unknown>,
): Promise<{ code: string; message: string }> {
  try {
    await call;
    return { code: "OK", message: "" };
  } catch (error) {
    const failure = error as { data?: { code?: unknown }; message?: unknown } | null;
    const code = failure?.data?.code;
    if (typeof code !== "string") throw error;
    return { code, message: String(failure?.message ?? "") };
  }
}

/** A refusal as a client acts on it: the code, the contract's reason and field, the message. */
export interface Refusal {
  code: string;
  reason?: string;
  field?: string;
  message: string;
}

/**
 * What a call was refused with, reason and field included (see `rejectionOf` for the code and
 * message alone); throws when the call succeeds or fails without a tRPC error.
 */
export async function refusalOf(call: Promise<unknown>): Promise<Refusal> {
  try {
    await call;
  } catch (error) {
    const failure = error as { data?: Record<string, unknown>; message?: unknown } | null;
    const { code, reason, field } = failure?.data ?? {};
    if (typeof code !== "string") throw error;
    return {
      code,
      ...(typeof reason === "string" ? { reason } : {}),
      ...(typeof field === "string" ? { field } : {}),
      message: String(failure?.message ?? ""),
    };
  }
  throw new Error("the call succeeded");
}

/** Whether two decimal strings are the same number ("30000" and "30000.000000"). */
function sameDecimal(a: string, b: string): boolean {
  return trimDecimal(a) === trimDecimal(b);
}
