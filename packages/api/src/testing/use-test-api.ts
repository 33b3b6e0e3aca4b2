import { randomBytes } from "node:crypto";
import { createAuthClock } from "@cryptotrade/auth/testing";
import { trimDecimal } from "@cryptotrade/contract/money";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { type Caller, startTestApi, type TestApi } from "./test-api";

/** A registered user, signed in, and a caller acting as them. */
interface ApiUser {
  userId: number;
  email: string;
  password: string;
  token: string;
  caller: Caller;
}

/** A user with 2FA on: `caller` uses the session that turned it on; `code()` is a fresh TOTP code. */
interface SecuredApiUser extends ApiUser {
  code(): string;
}

export interface TestApiHarness {
  /** This file's api (set in `beforeAll`). */
  readonly api: TestApi;
  /** Calls as nobody. */
  anonymous(): Caller;
  /** A new user, funded through the demo faucet, e.g. `{ USDT: "10000", BTC: "1" }`. */
  trader(deposits?: Record<string, string>): Promise<ApiUser>;
  /** Like `trader`, with 2FA on (withdrawals need it). */
  securedTrader(deposits?: Record<string, string>): Promise<SecuredApiUser>;
  /** Makes the last trade price of `symbol` exactly `price`, between two house accounts. */
  tradeAt(symbol: string, price: string, quantity?: string): Promise<void>;
  /** The auth service's clock (ms), ahead of the wall clock once TOTP codes were handed out. */
  now(): number;
}

/** A user's balances of the seeded assets, as the API shows them: exact decimal strings. */
export type Balances = Record<
  "BTC" | "ETH" | "SOL" | "USDT",
  { available: string; locked: string }
>;

const PASSWORD = "correct horse battery staple";
const HOUSE_FUNDS = { USDT: "1000000", BTC: "10", ETH: "100", SOL: "1000" };

/**
 * One api on real services for the test file. After every test the ledger's invariants must
 * hold (DESIGN §5), both as the test left the exchange and once its traders' orders are
 * cancelled. The auth service runs on a clock that hands out a fresh TOTP code per call.
 *
 * @example
 * const t = useTestApi();
 * it("...", async () => { const alice = await t.trader({ USDT: "1000" }); });
 */
export function useTestApi(options: { env?: Record<string, string> } = {}): TestApiHarness {
  let api: TestApi | undefined;
  const clock = createAuthClock();
  const traders: ApiUser[] = [];
  let house: { seller: ApiUser; buyer: ApiUser } | undefined;
  const requireApi = () => {
    if (!api) throw new Error("the test api is not running");
    return api;
  };
  const expectInvariants = async () => {
    const report = await requireApi().checkInvariants();
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  };
  const signUp = async (): Promise<ApiUser> => {
    const unique = randomBytes(4).toString("hex");
    const email = `user${unique}@example.com`;
    const { user, token } = await requireApi()
      .callerFor()
      .auth.register({ email, username: `user_${unique}`, password: PASSWORD });
    const signedUp = { userId: user.id, email, password: PASSWORD, token };
    return { ...signedUp, caller: requireApi().callerFor(token) };
  };
  const fund = async (user: ApiUser, deposits: Record<string, string>) => {
    for (const [asset, amount] of Object.entries(deposits)) {
      await user.caller.wallet.deposit({ asset, amount });
    }
  };

  beforeAll(async () => {
    api = await startTestApi({ now: clock.now, ...(options.env ? { env: options.env } : {}) });
  });
  afterEach(async () => {
    await expectInvariants();
    for (const user of traders.splice(0)) await user.caller.orders.cancelAll();
    if (house) await house.seller.caller.orders.cancelAll();
    await expectInvariants();
  });
  afterAll(() => api?.close());

  return {
    get api() {
      return requireApi();
    },
    anonymous: () => requireApi().callerFor(),
    now: clock.now,
    async trader(deposits = {}) {
      const user = await signUp();
      await fund(user, deposits);
      traders.push(user);
      return user;
    },
    async securedTrader(deposits = {}) {
      const user = await signUp();
      const { secret } = await user.caller.account.totpSetup();
      // Turning 2FA on is a sensitive change: the session confirms the password first.
      await user.caller.auth.reauthenticate({ password: user.password });
      const { token } = await user.caller.account.totpEnable({ code: clock.freshCode(secret) });
      const secured = {
        ...user,
        token,
        caller: requireApi().callerFor(token),
        code: () => clock.freshCode(secret),
      };
      await fund(secured, deposits);
      traders.push(secured);
      return secured;
    },
    async tradeAt(symbol, price, quantity = "0.01") {
      if (!house) {
        const [seller, buyer] = [await signUp(), await signUp()];
        await fund(seller, HOUSE_FUNDS);
        await fund(buyer, HOUSE_FUNDS);
        house = { seller, buyer };
      }
      const order = { symbol, type: "limit", price, quantity } as const;
      await house.seller.caller.orders.place({ ...order, side: "sell" });
      const bought = await house.buyer.caller.orders.place({
        ...order,
        side: "buy",
        timeInForce: "IOC",
      });
      await house.seller.caller.orders.cancelAll();
      // The house must trade with itself; a test's resting order in the way is a test bug.
      expect(bought.status).toBe("filled");
      expect(sameDecimal(bought.averagePrice ?? "", price)).toBe(true);
    },
  };
}

/** The user's balances by asset, e.g. `{ USDT: { available: "10.000000", locked: "0.000000" } }`. */
export async function balancesOf(caller: Caller): Promise<Balances> {
  const rows = await caller.portfolio.balances();
  const balance = (asset: string) => {
    const row = rows.find((r) => r.asset === asset);
    if (!row) throw new Error(`portfolio.balances has no ${asset} row`);
    return { available: row.available, locked: row.locked };
  };
  return { BTC: balance("BTC"), ETH: balance("ETH"), SOL: balance("SOL"), USDT: balance("USDT") };
}

/** Whether two decimal strings are the same number ("30000" and "30000.000000"). */
function sameDecimal(a: string, b: string): boolean {
  return trimDecimal(a) === trimDecimal(b);
}
