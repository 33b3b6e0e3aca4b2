/** The history's filters as the page's address carries them (`?type=&asset=&status=&from=&to=`). */
export interface FilterForm {
  type: string;
  asset: string;
  status: string;
  /** YYYY-MM-DD, a UTC day, inclusive. */
  from: string;
  /** YYYY-MM-DD, a UTC day, inclusive. */
  to: string;
}

/** What `wallet.transactions` and `wallet.exportCsv` take for the same filters. */
export interface FilterInput {
  type?: "deposit" | "withdrawal";
  asset?: string;
  status?: "pending" | "completed" | "rejected";
  from?: Date;
  to?: Date;
}

export const TYPES = ["deposit", "withdrawal"] as const;
export const STATUSES = ["pending", "completed", "rejected"] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ASSET = /^[A-Z0-9]{2,10}$/;
const DAY_MS = 86_400_000;

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

function readDay(value: string | null): Date | undefined {
  if (!value || !DAY.test(value)) return undefined;
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(time) ? undefined : new Date(time);
}

/**
 * Reads the filters from the address; values it does not know are dropped (so a hand-edited
 * address shows everything rather than an error). "To" includes its whole day.
 *
 * @example
 * readTransactionFilter(new URLSearchParams("type=withdrawal&to=2026-11-30")).input
 * // { type: "withdrawal", to: 2026-12-01T00:00:00Z }
 */
export function readTransactionFilter(params: URLSearchParams): {
  form: FilterForm;
  input: FilterInput;
} {
  const type = pick(params.get("type"), TYPES);
  const status = pick(params.get("status"), STATUSES);
  const assetParam = params.get("asset") ?? "";
  const asset = ASSET.test(assetParam) ? assetParam : undefined;
  const from = readDay(params.get("from"));
  const toDay = readDay(params.get("to"));
  const to = toDay ? new Date(toDay.getTime() + DAY_MS) : undefined;
  const input: FilterInput = {};
  if (type) input.type = type;
  if (asset) input.asset = asset;
  if (status) input.status = status;
  if (from) input.from = from;
  if (to) input.to = to;
  return {
    form: {
      type: type ?? "",
      asset: asset ?? "",
      status: status ?? "",
      from: from ? (params.get("from") ?? "") : "",
      to: toDay ? (params.get("to") ?? "") : "",
    },
    input,
  };
}

/** The address's query for these filters (empty ones left out), e.g. for the CSV link. */
export function toFilterQuery(form: FilterForm): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) if (value) params.set(key, value);
  return params.toString();
}
