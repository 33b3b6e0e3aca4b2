import { connectDatabase, queryRows } from "@cryptotrade/db/client";
import { sql } from "drizzle-orm";

/** How often the bench reads the lease row: cheap (one indexed row), fine enough for the split. */
const POLL_MS = 10;

export interface LeaseWatch {
  /** Resolves, once the epoch in force is known, with its holder's pid: the leader to kill. */
  ready: Promise<number>;
  /** Stops watching; resolves with when (performance.now()) the epoch first moved on. */
  stop(): Promise<number>;
}

/**
 * Watches the lease row of the database at `url` from its own connection, to split a failover
 * into "the lease lapsed and a standby took it" and "it rebuilt and answered".
 *
 * @example
 * const taken = watchLeaseEpoch(url); await taken.ready; kill(); const at = await taken.stop();
 */
export function watchLeaseEpoch(url: string): LeaseWatch {
  let stopped = false;
  let markReady: (pid: number) => void = () => {};
  const ready = new Promise<number>((resolve) => {
    markReady = resolve;
  });
  const watching = (async () => {
    const database = await connectDatabase({ kind: "postgres", url, poolSize: 1 });
    try {
      const read = async () => {
        const [row] = await queryRows<{ epoch: string; holder: string }>(
          database.db,
          sql`select epoch::text, holder from exchange_leadership where id = 1`,
        );
        return row;
      };
      const first = await read();
      // The holder is host/pid/random (describeHolder).
      markReady(Number(first?.holder.split("/")[1]));
      let movedAt = Number.NaN;
      while (!stopped) {
        if ((await read())?.epoch !== first?.epoch) {
          movedAt = performance.now();
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      return movedAt;
    } finally {
      await database.close();
    }
  })();
  return {
    ready,
    async stop() {
      stopped = true;
      return watching;
    },
  };
}
