import { marketRouter } from "./routers/market";
import { router } from "./trpc";

export const appRouter = router({
  market: marketRouter,
});

export type AppRouter = typeof appRouter;
