/**
 * Open-addressing hash map from a positive safe integer to a non-negative int32 (an order or
 * price-level slot). Keys and values sit side by side in one Float64Array, so a lookup
 * touches one cache line, allocates nothing, and the garbage collector never scans the
 * entries. Linear probing with backward-shift deletion: no tombstones, so a cancel-heavy
 * stream never lengthens the probe runs.
 *
 * Growth is incremental: when the table fills, a table twice the size takes over and every
 * later write moves a few entries across, so no single command pays for rehashing the
 * whole map (which at a million orders would be a pause of tens of milliseconds). While
 * both tables exist, entries moved out of the old one are marked MOVED there, and lookups
 * try the new table first.
 */

const EMPTY = 0;
const MOVED = -1;
/** Old slots moved per write while a resize is in progress. */
const MIGRATE_STEP = 32;

/** Mixes both 32-bit halves of a safe integer; ToInt32 / ToUint32 are exact modulo 2^32. */
function hashKey(key: number): number {
  const low = key | 0;
  // Most keys fit 32 bits; skip the float division for them.
  const high = key > 0xffffffff ? ((key - (key >>> 0)) / 4294967296) | 0 : 0;
  let h = Math.imul(low ^ Math.imul(high, 0x27d4eb2d), 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

/** Value of `key` in `table` (pairs of key, value), or -1. */
function lookup(table: Float64Array, mask: number, key: number): number {
  let i = hashKey(key) & mask;
  for (;;) {
    const k = table[2 * i];
    if (k === key) return table[2 * i + 1] as number;
    if (k === EMPTY) return -1;
    i = (i + 1) & mask;
  }
}

function slotsFor(entries: number): number {
  let slots = 16;
  while (slots < entries * 2) slots *= 2;
  return slots;
}

export class IntHashMap {
  private table: Float64Array;
  private mask: number;
  private count = 0;
  /** The table being drained during a resize, or null. */
  private old: Float64Array | null = null;
  private oldMask = 0;
  /** Old slots below this index have been moved. */
  private cursor = 0;

  constructor(expectedEntries = 1024) {
    const slots = slotsFor(expectedEntries);
    this.table = new Float64Array(slots * 2);
    this.mask = slots - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The value stored for `key`, or -1. */
  get(key: number): number {
    const value = lookup(this.table, this.mask, key);
    if (value !== -1 || this.old === null) return value;
    return lookup(this.old, this.oldMask, key);
  }

  has(key: number): boolean {
    return this.get(key) !== -1;
  }

  set(key: number, value: number): void {
    if (this.old !== null) {
      this.migrate(MIGRATE_STEP);
      if (this.old !== null && this.markMoved(key)) this.count--;
    }
    if ((this.count + 1) * 2 > this.mask + 1) this.startResize();
    if (this.insert(this.table, this.mask, key, value)) this.count++;
  }

  delete(key: number): boolean {
    if (this.old !== null) {
      this.migrate(MIGRATE_STEP);
      if (this.old !== null && this.markMoved(key)) {
        this.count--;
        return true;
      }
    }
    if (!this.remove(key)) return false;
    this.count--;
    return true;
  }

  /** Calls `visit` for each entry. */
  forEach(visit: (key: number, value: number) => void): void {
    for (const table of this.old === null ? [this.table] : [this.table, this.old]) {
      for (let i = 0; i < table.length; i += 2) {
        const k = table[i] as number;
        if (k !== EMPTY && k !== MOVED) visit(k, table[i + 1] as number);
      }
    }
  }

  /** Inserts or updates; returns true when the key was new. */
  private insert(table: Float64Array, mask: number, key: number, value: number): boolean {
    let i = hashKey(key) & mask;
    for (;;) {
      const k = table[2 * i];
      if (k === key) {
        table[2 * i + 1] = value;
        return false;
      }
      if (k === EMPTY) {
        table[2 * i] = key;
        table[2 * i + 1] = value;
        return true;
      }
      i = (i + 1) & mask;
    }
  }

  /** Removes `key` from the current table with a backward shift. */
  private remove(key: number): boolean {
    const table = this.table;
    const mask = this.mask;
    let i = hashKey(key) & mask;
    for (;;) {
      const k = table[2 * i];
      if (k === EMPTY) return false;
      if (k === key) break;
      i = (i + 1) & mask;
    }
    // Pull later members of the probe run into the hole when the hole lies between their
    // home slot and where they sit now, so every run stays unbroken.
    let hole = i;
    let j = i;
    for (;;) {
      j = (j + 1) & mask;
      const k = table[2 * j] as number;
      if (k === EMPTY) break;
      const home = hashKey(k) & mask;
      if (((hole - home) & mask) < ((j - home) & mask)) {
        table[2 * hole] = k;
        table[2 * hole + 1] = table[2 * j + 1] as number;
        hole = j;
      }
    }
    table[2 * hole] = EMPTY;
    return true;
  }

  /** If `key` still waits in the old table, marks it moved (dropping it); returns whether it did. */
  private markMoved(key: number): boolean {
    const old = this.old;
    if (old === null) return false;
    let i = hashKey(key) & this.oldMask;
    for (;;) {
      const k = old[2 * i];
      if (k === key) {
        old[2 * i] = MOVED;
        return true;
      }
      if (k === EMPTY) return false;
      i = (i + 1) & this.oldMask;
    }
  }

  private startResize(): void {
    // A resize still in progress finishes first (it cannot happen with MIGRATE_STEP >= 2).
    if (this.old !== null) this.migrate(Number.MAX_SAFE_INTEGER);
    this.old = this.table;
    this.oldMask = this.mask;
    this.cursor = 0;
    const slots = (this.mask + 1) * 2;
    this.table = new Float64Array(slots * 2);
    this.mask = slots - 1;
  }

  private migrate(steps: number): void {
    const old = this.old;
    if (old === null) return;
    const end = Math.min(old.length / 2, this.cursor + steps);
    for (let i = this.cursor; i < end; i++) {
      const k = old[2 * i] as number;
      if (k !== EMPTY && k !== MOVED) {
        this.insert(this.table, this.mask, k, old[2 * i + 1] as number);
        old[2 * i] = MOVED;
      }
    }
    this.cursor = end;
    if (end === old.length / 2) this.old = null;
  }
}
