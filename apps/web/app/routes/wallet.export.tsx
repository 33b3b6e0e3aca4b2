import { readTransactionFilter } from "~/components/wallet/transaction-filter";
import { requireSignedIn } from "~/lib/signed-in.server";
import type { Route } from "./+types/wallet.export";

/**
 * The CSV of the history with the page's filters (`wallet.exportCsv` takes the same ones as
 * `wallet.transactions`), downloaded as a file. A rate limit answers 429 with Retry-After.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  await requireSignedIn(context, request);
  const { input } = readTransactionFilter(new URL(request.url).searchParams);
  try {
    const exported = await context.trpc.wallet.exportCsv(input);
    return new Response(exported.csv, {
      headers: {
        "content-type": `${exported.contentType}; charset=utf-8`,
        "content-disposition": `attachment; filename="${exported.filename}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    const shape = context.formatError(error);
    if (shape.data.code !== "TOO_MANY_REQUESTS") throw error;
    const wait: { retryAfterSeconds?: unknown } = shape.data;
    const seconds = Math.max(1, Math.ceil(Number(wait.retryAfterSeconds ?? 1) || 1));
    return new Response(`Too many exports: try again in ${seconds} seconds.\n`, {
      status: 429,
      headers: { "content-type": "text/plain; charset=utf-8", "retry-after": String(seconds) },
    });
  }
}
