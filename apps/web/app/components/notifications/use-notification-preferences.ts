import { DEFAULT_PREFERENCES } from "@cryptotrade/contract/preference-choices";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";

type Switches = typeof DEFAULT_PREFERENCES.notifications;

/**
 * The trader's sound and browser-notification switches, kept per user on the server
 * (`account.preferences`); `save` changes one and puts the server's answer in the cache.
 *
 * @example
 * const { current, save } = useNotificationPreferences();
 * save({ sound: !current.sound });
 */
export function useNotificationPreferences() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const preferences = useQuery(trpc.account.preferences.queryOptions());
  const update = useMutation(
    trpc.account.updatePreferences.mutationOptions({
      onSuccess: (saved) => queryClient.setQueryData(trpc.account.preferences.queryKey(), saved),
    }),
  );
  const saved: Switches = preferences.data?.notifications ?? DEFAULT_PREFERENCES.notifications;
  // While a change is being saved, show it (optimistic); a failure shows the saved state again.
  const current: Switches = update.isPending
    ? { ...saved, ...update.variables.notifications }
    : saved;
  return {
    current,
    loaded: preferences.isSuccess,
    saving: update.isPending,
    failed: update.isError || preferences.isError,
    save: (change: Partial<Switches>) => update.mutate({ notifications: change }),
  };
}
