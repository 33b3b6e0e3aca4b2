import { countDecimals, formatDecimal, toUnits, trimDecimal } from "@cryptotrade/contract/money";
import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import type { TFunction } from "i18next";
import { useCallback, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNumbers } from "~/lib/use-viewer";
import { useTRPC } from "~/trpc/react";
import type { MarketRules } from "./order-form/model";
import {
  applyBalanceUpdate,
  applyOrderUpdate,
  type OrderView,
  reloadAccount,
} from "./orders-cache";

/**
 * Keeps the trader's cached orders, fills and balances live from `orders.onUpdate` and
 * `portfolio.onBalances` (no reload), and words each new fill for the account panel:
 * "Filled 0.0100 BTC at 65000.00". After a reconnect the server may say `resync`: the lists
 * are then loaded again.
 */
export function useLiveAccount(symbol: string, rules: MarketRules) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState("");
  const { n } = useNumbers();
  const { t } = useTranslation("trade");
  // What each order had filled when last seen, so an update tells how much is new.
  const filledSeen = useRef(new Map<string, { quantity: bigint; quote: bigint }>());

  const orders = useSubscription(
    trpc.orders.onUpdate.subscriptionOptions(undefined, {
      onData: (event) => {
        const message = event.data;
        if (message.kind === "resync") {
          reloadAccount(queryClient, trpc);
          return;
        }
        const fill = newFill(filledSeen.current, message.order, rules, { t, n });
        applyOrderUpdate(queryClient, trpc, symbol, message.order, message.change.fills);
        if (fill && message.order.symbol === symbol) setAnnouncement(fill);
      },
    }),
  );

  const balances = useSubscription(
    trpc.portfolio.onBalances.subscriptionOptions(undefined, {
      onData: (event) => {
        const message = event.data;
        if (message.kind === "resync") {
          void queryClient.invalidateQueries(trpc.portfolio.balances.queryFilter());
          return;
        }
        applyBalanceUpdate(queryClient, trpc, message, sumOf(message.available, message.locked));
      },
    }),
  );

  /**
   * Remembers what orders had filled when the page loaded them, so only fills after that are
   * announced. Only the first load: a later list may already include a fill not yet announced.
   */
  const seeded = useRef(false);
  const rememberFilled = useCallback(
    (loaded: OrderView[]) => {
      if (seeded.current) return;
      seeded.current = true;
      for (const order of loaded) {
        if (filledSeen.current.has(order.id)) continue;
        filledSeen.current.set(order.id, {
          quantity: toUnits(order.filledQuantity, rules.baseDecimals),
          quote: toUnits(order.filledQuote, rules.quoteDecimals),
        });
      }
    },
    [rules],
  );

  return { announcement, rememberFilled, status: worse(orders.status, balances.status) };
}

function newFill(
  seen: Map<string, { quantity: bigint; quote: bigint }>,
  order: OrderView,
  rules: MarketRules,
  { t, n }: { t: TFunction<"trade">; n: (text: string) => string },
): string | null {
  const quantity = toUnits(order.filledQuantity, rules.baseDecimals);
  const quote = toUnits(order.filledQuote, rules.quoteDecimals);
  const before = seen.get(order.id) ?? { quantity: 0n, quote: 0n };
  seen.set(order.id, { quantity, quote });
  const filled = quantity - before.quantity;
  if (filled <= 0n) return null;
  const price = ((quote - before.quote) * 10n ** BigInt(rules.baseDecimals)) / filled;
  return t(`fill.${order.side}`, {
    quantity: n(trimDecimal(formatDecimal(filled, rules.baseDecimals))),
    asset: rules.baseAsset,
    price: n(formatDecimal(price, rules.quoteDecimals, rules.priceDecimals)),
    id: order.id,
  });
}

/** available + locked as an exact decimal string with the inputs' precision. */
function sumOf(available: string, locked: string): string {
  const decimals = Math.max(countDecimals(available), countDecimals(locked));
  return formatDecimal(toUnits(available, decimals) + toUnits(locked, decimals), decimals);
}

type Status = "idle" | "connecting" | "pending" | "error";

function worse(a: Status, b: Status): Status {
  for (const worst of ["error", "connecting", "idle"] as const) {
    if (a === worst || b === worst) return worst;
  }
  return "pending";
}
