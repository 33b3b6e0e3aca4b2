import { stringify } from "csv-stringify/sync";

/** One page of a list as the queries answer it: rows and the cursor of the next page. */
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** How many rows an export reads per query. */
const EXPORT_PAGE_SIZE = 500;

/**
 * Every row of a cursor-paged list, read page after page (newest first, as listed), so an
 * export holds exactly what the list shows with the same filter.
 *
 * @example
 * const rows = await readAllPages((page) => queries.listFills(db, userId, { ...filter, ...page }));
 */
export async function readAllPages<T>(
  readPage: (page: { cursor?: string; limit: number }) => Promise<Page<T>>,
): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await readPage({ ...(cursor ? { cursor } : {}), limit: EXPORT_PAGE_SIZE });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

/**
 * A CSV download as the export procedures answer it: a header row then one row per record,
 * quoted by csv-stringify (RFC 4180), never by hand.
 *
 * @example
 * toCsvFile("fills.csv", ["time", "price"], [["2026-12-07T10:00:00.000Z", "62000.00"]]);
 * // { filename: "fills.csv", contentType: "text/csv", csv: "time,price\n2026-12-07T10:00:00.000Z,62000.00\n" }
 */
export function toCsvFile(filename: string, columns: string[], rows: string[][]) {
  const csv = stringify(rows, { header: true, columns });
  return { filename, contentType: "text/csv", csv };
}
