import { channels } from "@cryptotrade/exchange";
import { z } from "zod";
import { followChannel } from "../streams/resume";
import { protectedProcedure } from "../trpc";

const Resumable = z.strictObject({ lastEventId: z.string().max(64).nullish() }).optional();

/** The caller's own price alerts as they fire. The channel comes from the session, never from input. */
export const onPriceAlerts = protectedProcedure.input(Resumable).subscription(async function* ({
  ctx,
  input,
  signal,
}) {
  const stream = ctx.streams.listen(channels.user(ctx.user.id), signal);
  yield* followChannel(stream, "priceAlert", input?.lastEventId);
});
