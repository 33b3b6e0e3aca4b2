import { readOrdersFilter } from "~/components/orders/orders-filter";
import { csvDownload } from "~/lib/csv-download.server";
import { requireSignedIn } from "~/lib/signed-in.server";
import type { Route } from "./+types/orders.export";

/**
 * The CSV of the orders page's tab with its filters (fills with totals and fees for taxes,
 * order history, open orders or transfers), downloaded as a file: each export procedure takes
 * the same filters as the list it exports. A rate limit answers 429 with Retry-After.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  await requireSignedIn(context, request);
  const { query } = readOrdersFilter(new URL(request.url).searchParams);
  return csvDownload(context, () => {
    switch (query.tab) {
      case "fills":
        return context.trpc.orders.exportFillsCsv(query.input);
      case "transfers":
        return context.trpc.wallet.exportCsv(query.input);
      default:
        return context.trpc.orders.exportOrdersCsv(query.input);
    }
  });
}
