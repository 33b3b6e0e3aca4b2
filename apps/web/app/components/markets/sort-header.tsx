import type { MarketSort, MarketSortKey } from "./sort-markets";

/**
 * A column header that sorts the table: a real button inside the `<th>`, whose `aria-sort`
 * says which way the column is sorted (only the sorted column carries it).
 */
export function SortHeader({
  label,
  sortKey,
  sort,
  onSort,
  align = "right",
  className = "",
}: {
  label: string;
  sortKey: MarketSortKey;
  sort: MarketSort | null;
  onSort: (key: MarketSortKey) => void;
  align?: "left" | "right";
  className?: string;
}) {
  const direction = sort?.key === sortKey ? sort.direction : undefined;
  return (
    <th
      scope="col"
      aria-sort={direction}
      className={`py-1 font-medium ${align === "left" ? "pr-3 text-left" : "px-1 text-right"} ${className}`}
    >
      <button
        type="button"
        onClick={() => onSort(sortKey)}
        className={`inline-flex min-h-8 items-center gap-1 rounded px-2 hover:text-text ${align === "left" ? "-ml-2" : "flex-row-reverse"} ${direction ? "text-text" : ""}`}
      >
        {label}
        <SortArrow direction={direction} />
      </button>
    </th>
  );
}

/** ▲ ascending, ▼ descending, a faint ↕ when the column is not sorted; decoration only. */
function SortArrow({ direction }: { direction: MarketSort["direction"] | undefined }) {
  const arrow = direction === "ascending" ? "▲" : direction === "descending" ? "▼" : "↕";
  return (
    <span aria-hidden="true" className={`text-xs ${direction ? "" : "opacity-50"}`}>
      {arrow}
    </span>
  );
}
