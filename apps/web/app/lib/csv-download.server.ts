import type { AppLoadContext } from "react-router";

/** An export procedure's answer: the file's name, type and text. */
interface CsvFile {
  filename: string;
  contentType: string;
  csv: string;
}

/**
 * An export procedure's CSV as a file download; a rate limit answers 429 with Retry-After and
 * words for people, any other failure goes to the error boundary.
 *
 * @example
 * return csvDownload(context, () => context.trpc.wallet.exportCsv(input));
 */
export async function csvDownload(
  context: AppLoadContext,
  exportCsv: () => Promise<CsvFile>,
): Promise<Response> {
  try {
    const exported = await exportCsv();
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
