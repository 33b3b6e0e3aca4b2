import { type ReactNode, useRef } from "react";
import { useScrollsSideways } from "~/lib/use-scrolls-sideways";

/** One column heading. */
export interface DataColumn {
  /** What the heading says; also its React key, so unique within a table. */
  name: string;
  /** Numbers line up on the right. */
  align?: "left" | "right";
  /** Said to screen readers only, for a column of buttons whose purpose is plain to the eye. */
  hidden?: boolean;
  /** Extra spacing for this heading, such as `pl-3`. */
  className?: string;
}

/**
 * compact: the trade account panel, dense rows with a rule under the heading.
 * comfortable: account and admin pages, roomier rows divided by rules.
 * boxed: wallet and portfolio, in a bordered box with a shaded heading; rows draw their rules.
 */
type Density = "compact" | "comfortable" | "boxed";

/** The heading's padding: only the first compact one pads (the row takes its height from it). */
function padHeading(density: Density, index: number, last: boolean): string {
  if (density === "compact") return index === 0 ? "py-1.5" : "";
  if (density === "boxed") return "px-3 py-2";
  return last ? "py-2" : "py-2 pr-3";
}

const BOX: Record<Density, string> = {
  compact: "relative overflow-x-auto",
  comfortable: "relative overflow-x-auto",
  boxed: "relative overflow-x-auto rounded-lg border border-border",
};

const TABLE: Record<Density, string> = {
  compact: "text-xs",
  comfortable: "text-left text-sm",
  boxed: "text-sm",
};

const HEAD: Record<Density, string> = {
  compact: "text-muted",
  comfortable: "text-muted",
  boxed: "bg-surface-raised text-muted",
};

/**
 * A table with a screen-reader caption and a row of column headings; the body rows are the
 * children. It scrolls sideways inside its own box, so a wide table never widens the page.
 */
export function DataTable({
  caption,
  columns,
  density,
  className,
  children,
  footer,
}: {
  caption: string;
  columns: DataColumn[];
  density: Density;
  /** The table's minimum width, such as `min-w-[40rem]`, past which it scrolls. */
  className?: string;
  children: ReactNode;
  /** A totals row or two, under the body. */
  footer?: ReactNode;
}) {
  const compact = density === "compact";
  const box = useRef<HTMLDivElement>(null);
  const scrolls = useScrollsSideways(box);
  return (
    // relative: screen-reader-only (absolute) text inside must scroll with the table, not widen the page.
    // When the table is wider than its box, the box is a named, focusable group: keyboard users
    // scroll it with the arrow keys.
    <div
      ref={box}
      className={BOX[density]}
      {...(scrolls ? { role: "group", "aria-label": caption, tabIndex: 0 } : {})}
    >
      <table className={["w-full", className, TABLE[density]].filter(Boolean).join(" ")}>
        <caption className="sr-only">{caption}</caption>
        <thead className={HEAD[density]}>
          <tr className={compact ? "border-b border-border" : undefined}>
            {columns.map((column, index) => (
              <th
                key={column.name}
                scope="col"
                className={[
                  padHeading(density, index, index === columns.length - 1),
                  column.align === "right" ? "text-right" : "text-left",
                  "font-medium",
                  column.className,
                ]
                  .filter(Boolean)
                  .join(" ")}
              >
                {column.hidden ? <span className="sr-only">{column.name}</span> : column.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={density === "comfortable" ? "divide-y divide-border" : undefined}>
          {children}
        </tbody>
        {footer ? <tfoot>{footer}</tfoot> : null}
      </table>
    </div>
  );
}
