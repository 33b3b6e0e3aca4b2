import {
  type CONFIRMABLE_ACTIONS,
  DEFAULT_PREFERENCES,
} from "@cryptotrade/contract/preference-choices";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "~/trpc/react";
import type { OrderType } from "./order-form/model";

/** What may ask "are you sure?" first: an order of a kind, or "Cancel all". */
export type ConfirmableAction = (typeof CONFIRMABLE_ACTIONS)[number];

/** The confirmation an order type falls under: every stop, take-profit and trailing order is a "stop". */
export function confirmationOf(type: OrderType): ConfirmableAction {
  return type === "market" || type === "limit" ? type : "stop";
}

/**
 * The trader's confirmation settings (`account.preferences`, kept per user), the defaults until
 * they load, and a way to turn one off ("Don't ask again") that shows at once.
 */
export function useConfirmations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const preferences = useQuery(trpc.account.preferences.queryOptions());
  const confirmations = preferences.data?.confirmations ?? DEFAULT_PREFERENCES.confirmations;
  const update = useMutation(
    trpc.account.updatePreferences.mutationOptions({
      onSuccess: (saved) => queryClient.setQueryData(trpc.account.preferences.queryKey(), saved),
    }),
  );
  const { mutate } = update;
  const stopAsking = useCallback(
    (action: ConfirmableAction) => {
      queryClient.setQueryData(trpc.account.preferences.queryKey(), (previous) =>
        previous
          ? { ...previous, confirmations: { ...previous.confirmations, [action]: false } }
          : previous,
      );
      mutate({ confirmations: { [action]: false } });
    },
    [mutate, queryClient, trpc],
  );
  return { confirmations, stopAsking };
}
