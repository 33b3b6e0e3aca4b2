import type { RouterOutputs } from "@cryptotrade/api/client";
import { parseDecimal } from "@cryptotrade/exchange/money";

/** What the bookkeeping reads of an order as the API shows it (`orders.get`, `orders.place`). */
type OrderView = Pick<RouterOutputs["orders"]["get"], "id" | "status" | "filledQuantity">;
type Status = OrderView["status"];

/** Where a status stands in an order's life: it may only move forward. */
const STAGE: Record<Status, number> = {
  untriggered: 0,
  open: 0,
  partially_filled: 1,
  filled: 2,
  cancelled: 2,
  expired: 2,
  rejected: 2,
};

interface Floor {
  owner: number;
  status: Status;
  filled: bigint;
}

/**
 * The least each order must be, from what the exchange acknowledged: an order once answered
 * exists forever, its filled quantity never shrinks and a final status never changes
 * (DESIGN §5, invariant 6). Owners are indexes into the caller's list of traders.
 */
export class AcknowledgedOrders {
  private readonly floors = new Map<string, Floor>();

  get size(): number {
    return this.floors.size;
  }

  /** Records an acknowledgement (a place or cancel answer); an older one never lowers the floor. */
  record(owner: number, view: OrderView): void {
    const next: Floor = { owner, status: view.status, filled: filledOf(view) };
    const floor = this.floors.get(view.id);
    if (!floor || isLater(next, floor)) this.floors.set(view.id, next);
  }

  /** Ids of an owner's orders last seen live, to pick cancels from. */
  liveIdsOf(owner: number): string[] {
    return [...this.floors]
      .filter(([, floor]) => floor.owner === owner && STAGE[floor.status] < 2)
      .map(([id]) => id);
  }

  /** Every acknowledged order id, grouped by owner. */
  idsByOwner(): Map<number, string[]> {
    const groups = new Map<number, string[]>();
    for (const [id, { owner }] of this.floors) {
      const ids = groups.get(owner) ?? [];
      ids.push(id);
      groups.set(owner, ids);
    }
    return groups;
  }

  /**
   * Compares what the server holds now with the floor, and raises the floor to it: what was
   * read back is durable, so later restarts must keep at least that. Returns the problem, if any.
   */
  verify(id: string, found: OrderView | undefined): string | undefined {
    const floor = this.floors.get(id);
    if (!floor) return `order ${id} was never acknowledged`;
    const acknowledged = `acknowledged as ${floor.status} with ${floor.filled} filled`;
    if (!found) return `order ${id} ${acknowledged} is missing`;
    const now: Floor = { owner: floor.owner, status: found.status, filled: filledOf(found) };
    const final = STAGE[floor.status] === 2;
    if (
      now.filled < floor.filled ||
      STAGE[now.status] < STAGE[floor.status] ||
      (final && now.status !== floor.status)
    ) {
      return `order ${id} ${acknowledged} is now ${now.status} with ${now.filled} filled`;
    }
    this.floors.set(id, now);
    return undefined;
  }
}

function isLater(a: Floor, b: Floor): boolean {
  return STAGE[a.status] > STAGE[b.status] || a.filled > b.filled;
}

function filledOf(view: OrderView): bigint {
  // 18 decimals covers every asset, so any two quantities compare exactly.
  const parsed = parseDecimal(view.filledQuantity, 18);
  if (!parsed.ok) throw new Error(`order ${view.id}: unreadable filledQuantity`);
  return parsed.value;
}
