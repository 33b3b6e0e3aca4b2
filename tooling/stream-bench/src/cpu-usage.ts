import { readFile } from "node:fs/promises";

// Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every mainstream build.
const TICKS_PER_SECOND = 100;

export interface CpuUsage {
  /** The process's CPU time over the interval, as a share of one core (1.0 = a whole core). */
  process: number;
  /** The whole machine's busy share of all its cores (1.0 = every core busy). */
  machine: number;
}

interface Sample {
  at: number;
  processTicks: number;
  busyTicks: number;
  totalTicks: number;
}

/**
 * Samples a process's and the machine's CPU time now and returns a function giving the usage
 * since then, or undefined where /proc is missing. A p99 read without knowing whether the
 * cores were saturated says little on a small machine.
 *
 * @example
 * const since = await sampleCpu(server.pid);
 * const usage = await since?.(); // { process: 0.8, machine: 0.95 }
 */
export async function sampleCpu(
  pid: number,
): Promise<(() => Promise<CpuUsage | undefined>) | undefined> {
  const start = await read(pid);
  if (!start) return undefined;
  return async () => {
    const end = await read(pid);
    if (!end) return undefined;
    const seconds = (end.at - start.at) / 1000;
    return {
      process: (end.processTicks - start.processTicks) / TICKS_PER_SECOND / seconds,
      machine: (end.busyTicks - start.busyTicks) / (end.totalTicks - start.totalTicks),
    };
  };
}

async function read(pid: number): Promise<Sample | undefined> {
  try {
    const [stat, machine] = await Promise.all([
      readFile(`/proc/${pid}/stat`, "utf8"),
      readFile("/proc/stat", "utf8"),
    ]);
    // The command name may hold spaces; the fields after its closing parenthesis do not.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const cpu = (machine.split("\n")[0] ?? "").trim().split(/\s+/).slice(1).map(Number);
    const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
    const total = cpu.slice(0, 8).reduce((sum, value) => sum + value, 0);
    return {
      at: Date.now(),
      // utime and stime are fields 14 and 15 of stat, 12 and 13 after the name.
      processTicks: Number(fields[11]) + Number(fields[12]),
      busyTicks: total - idle,
      totalTicks: total,
    };
  } catch {
    return undefined;
  }
}
