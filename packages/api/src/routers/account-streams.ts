import { channels } from "@cryptotrade/exchange";
import { z } from "zod";
import { followChannel } from "../streams/resume";
import { protectedProcedure } from "../trpc";

const Resumable = z.strictObject({ lastEventId: z.string().max(64).nullish() }).optional();

/** The caller's own order updates. The channel comes from the session, never from input. */
export const onOrderUpdates = protectedProcedure.input(Resumable).subscription(async function* ({
  ctx,
  input,
  signal,
}) {
  const stream = ctx.streams.listen(channels.user(ctx.user.id), signal);
  yield* followChannel(stream, "order", input?.lastEventId);
});

/** The caller's own balance changes, one message per asset that moved. */
export const onBalanceUpdates = protectedProcedure.input(Resumable).subscription(async function* ({
  ctx,
  input,
  signal,
}) {
  const stream = ctx.streams.listen(channels.user(ctx.user.id), signal);
  yield* followChannel(stream, "balance", input?.lastEventId);
});

const NOTIFYING_KINDS = ["order", "wallet", "priceAlert"] as const;

/**
 * What the caller is notified of: each order change (with what filled or triggered in it),
 * each wallet decision and each price alert that fired. One subscription for every kind, so
 * the web app's notification layer follows one stream on every page.
 */
export const onNotificationEvents = protectedProcedure
  .input(Resumable)
  .subscription(async function* ({ ctx, input, signal }) {
    const stream = ctx.streams.listen(channels.user(ctx.user.id), signal);
    yield* followChannel(stream, NOTIFYING_KINDS, input?.lastEventId);
  });
