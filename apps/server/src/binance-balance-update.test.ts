import { afterEach, describe, expect, it } from "vitest";
import { openSocket, type RecordingSocket } from "./testing/binance-socket";
import { confirmAccess } from "./testing/test-server";
import { useTradingServer } from "./testing/trading";
import type { SecuredUser } from "./testing/two-factor";

// Its own server: each TOTP code moves the auth clock on, which ccxt's signed requests in
// binance-user-stream.test.ts would see as a timestamp outside their recvWindow.
describe("Binance's balanceUpdate on the user data stream", () => {
  const t = useTradingServer();
  const sockets: RecordingSocket[] = [];
  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((socket) => socket.close()));
  });

  /** A raw `/ws/<listenKey>` socket of `user`'s, once the server follows their channel. */
  async function userStream(user: SecuredUser) {
    await confirmAccess(user, user.code());
    const key = await user.client.account.createApiKey.mutate({
      name: "user stream",
      scopes: ["trade"],
      kind: "hmac",
    });
    const res = await t.server.fetch("/api/v3/userDataStream", {
      method: "POST",
      headers: { "x-mbx-apikey": key.id },
    });
    const { listenKey } = (await res.json()) as { listenKey: string };
    const socket = await openSocket(await t.server.listen(), `/ws/${listenKey}`);
    sockets.push(socket);
    await expect
      .poll(() => t.server.services.streams.listenerCount(`user:${user.userId}`))
      .toBeGreaterThan(0);
    return socket;
  }

  type Event = { e: string; a?: string; d?: string; B?: { a: string; f: string; l: string }[] };

  it("sends the exact signed delta for a deposit and a withdrawal held, then returned", async () => {
    const user = await t.securedTrader({ USDT: "1000" });
    const socket = await userStream(user);
    const updateOf = (delta: string) =>
      socket.next<Event>((m) => m.e === "balanceUpdate" && m.a === "USDT" && m.d === delta);

    await user.client.wallet.deposit.mutate({ asset: "USDT", amount: "250.5" });
    expect(await updateOf("250.500000")).toEqual({
      e: "balanceUpdate",
      E: expect.any(Number),
      a: "USDT",
      d: "250.500000",
      T: expect.any(Number),
    });
    // Sent before the new position, so a client adding `d` to its free balance is then corrected.
    const events = () => socket.messages as Event[];
    const deposited = events().findIndex((m) => m.d === "250.500000");
    await expect
      .poll(() =>
        events()
          .slice(deposited)
          .find((m) => m.e === "outboundAccountPosition"),
      )
      .toMatchObject({ B: [{ a: "USDT", f: "1250.500000", l: "0.000000" }] });

    const withdrawal = await user.client.wallet.withdraw.mutate({
      asset: "USDT",
      amount: "400",
      address: "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE",
      totpCode: user.code(),
    });
    // The amount and the 1 USDT fee leave the free balance when the request is held.
    await updateOf("-401.000000");
    const admin = await t.admin();
    await admin.client.admin.rejectWithdrawal.mutate({
      transactionId: withdrawal.id,
      reason: "address on a sanctions list",
    });
    await updateOf("401.000000");
    expect(
      events()
        .filter((m) => m.e === "balanceUpdate")
        .map((m) => m.d),
    ).toEqual(["250.500000", "-401.000000", "401.000000"]);
  });

  it("sends no balanceUpdate when a withdrawal is approved: the free balance does not move", async () => {
    const user = await t.securedTrader({ USDT: "1000" });
    const socket = await userStream(user);
    const withdrawal = await user.client.wallet.withdraw.mutate({
      asset: "USDT",
      amount: "100",
      address: "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE",
      totpCode: user.code(),
    });
    const admin = await t.admin();
    await admin.client.admin.approveWithdrawal.mutate({ transactionId: withdrawal.id });
    // A barrier: the user's channel keeps its order, so anything the approval sent comes first.
    await user.client.wallet.deposit.mutate({ asset: "USDT", amount: "1" });
    await socket.next<Event>((m) => m.e === "balanceUpdate" && m.d === "1.000000");
    expect(
      (socket.messages as Event[]).filter((m) => m.e === "balanceUpdate").map((m) => m.d),
    ).toEqual(["-101.000000", "1.000000"]);
  });
});
