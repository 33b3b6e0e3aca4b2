import { bigint, timestamp } from "drizzle-orm/pg-core";

/** An exact amount in an asset's minor unit (satoshis, micro-USDT); never a float. */
export const amount = (name: string) => bigint(name, { mode: "bigint" });

/** A row id; ids stay far below 2^53, so a JS number is exact. */
export const id = (name: string) => bigint(name, { mode: "number" });

export const createdAt = () =>
  timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
