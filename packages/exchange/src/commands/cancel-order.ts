import type { Batch } from "../batch";
import { ExchangeError } from "../errors";
import { runOnce } from "../idempotency";
import type { OrderRecord } from "../records";
import { applyEngineEvents } from "../settlement";
import { clientOrderKey, type ExchangeState } from "../state";

export type CancelTarget = { orderId: number } | { clientOrderId: string };

/**
 * Cancels one of the user's live orders. Another user's order is NOT_FOUND, exactly like a
 * missing one, so ids reveal nothing. With an idempotency key, a retry answers the order it
 * cancelled (as it is now) instead of NOT_FOUND.
 */
export function cancelOrder(
  state: ExchangeState,
  batch: Batch,
  userId: number,
  target: CancelTarget,
  idempotencyKey?: string,
): OrderRecord {
  const ref = idempotencyKey === undefined ? undefined : { callerId: userId, key: idempotencyKey };
  return runOnce(state, batch, ref, "cancel", { ...target }, () =>
    cancelLiveOrder(state, batch, userId, target),
  );
}

function cancelLiveOrder(
  state: ExchangeState,
  batch: Batch,
  userId: number,
  target: CancelTarget,
): OrderRecord {
  const order = findOwnLiveOrder(state, userId, target);
  const events = state.engine.execute({ kind: "cancel", market: order.market, orderId: order.id });
  applyEngineEvents(state, batch, events);
  return order;
}

/** One of the user's live orders, or NOT_FOUND (also for another user's order). */
export function findOwnLiveOrder(
  state: ExchangeState,
  userId: number,
  target: CancelTarget,
): OrderRecord {
  const order =
    "orderId" in target
      ? state.liveOrders.get(target.orderId)
      : state.clientOrderIds.get(clientOrderKey(userId, target.clientOrderId));
  if (!order || order.userId !== userId || !state.liveOrders.has(order.id)) {
    throw new ExchangeError("NOT_FOUND", "No open order with that id");
  }
  return order;
}

/** Cancels every live order of the user, in one market or all of them; a keyed retry answers the same orders. */
export function cancelAllOrders(
  state: ExchangeState,
  batch: Batch,
  userId: number,
  symbol: string | undefined,
  idempotencyKey?: string,
): OrderRecord[] {
  const ref = idempotencyKey === undefined ? undefined : { callerId: userId, key: idempotencyKey };
  return runOnce(state, batch, ref, "cancelAll", { symbol: symbol ?? null }, () =>
    cancelEveryOrder(state, batch, userId, symbol),
  );
}

function cancelEveryOrder(
  state: ExchangeState,
  batch: Batch,
  userId: number,
  symbol: string | undefined,
): OrderRecord[] {
  const targets = state
    .liveOrdersOf(userId)
    .filter((order) => symbol === undefined || order.market === symbol)
    .sort((a, b) => a.id - b.id);
  for (const order of targets) {
    // An OCO partner may already have gone with its pair; it is still reported below.
    if (!state.liveOrders.has(order.id)) continue;
    const events = state.engine.execute({
      kind: "cancel",
      market: order.market,
      orderId: order.id,
    });
    applyEngineEvents(state, batch, events);
  }
  return targets;
}
