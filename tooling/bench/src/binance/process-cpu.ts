import { readFile } from "node:fs/promises";

// Linux counts a process's CPU time in clock ticks of 1/100 s (USER_HZ on every current kernel).
const MICROS_PER_TICK = 10_000;

/**
 * CPU time `pid` has used so far, every thread of it (the event loop and libuv's pool), in
 * microseconds, from /proc: what a load costs the server whatever else the machine is doing,
 * where requests per second fall with every other process's share of the cores.
 *
 * @example
 * const before = await processCpuMicros(server.pid);
 */
export async function processCpuMicros(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) may hold spaces; the fields after its ")" are fixed.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const userTicks = Number(fields[11]);
  const systemTicks = Number(fields[12]);
  return (userTicks + systemTicks) * MICROS_PER_TICK;
}
