import { accountRouter } from "./routers/account";
import { adminRouter } from "./routers/admin";
import { alertsRouter } from "./routers/alerts";
import { authRouter } from "./routers/auth";
import { marketRouter } from "./routers/market";
import { notificationsRouter } from "./routers/notifications";
import { ordersRouter } from "./routers/orders";
import { portfolioRouter } from "./routers/portfolio";
import { walletRouter } from "./routers/wallet";
import { router } from "./trpc";

export const appRouter = router({
  auth: authRouter,
  account: accountRouter,
  market: marketRouter,
  orders: ordersRouter,
  portfolio: portfolioRouter,
  wallet: walletRouter,
  alerts: alertsRouter,
  notifications: notificationsRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
