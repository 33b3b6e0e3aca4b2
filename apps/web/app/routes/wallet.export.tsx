import { readTransactionFilter } from "~/components/wallet/transaction-filter";
import { csvDownload } from "~/lib/csv-download.server";
import { requireSignedIn } from "~/lib/signed-in.server";
import type { Route } from "./+types/wallet.export";

/**
 * The CSV of the history with the page's filters (`wallet.exportCsv` takes the same ones as
 * `wallet.transactions`), downloaded as a file. A rate limit answers 429 with Retry-After.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  await requireSignedIn(context, request);
  const { input } = readTransactionFilter(new URL(request.url).searchParams);
  return csvDownload(context, () => context.trpc.wallet.exportCsv(input));
}
