import { router } from "../trpc";
import { onNotificationEvents } from "./account-streams";

/** The signed-in user's events the web app turns into toasts and its notification centre. */
export const notificationsRouter = router({
  onEvents: onNotificationEvents,
});
