import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Argon2Error, PasswordWorkers } from "./password-workers";

const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 };
const argon2Path = createRequire(import.meta.url).resolve("@node-rs/argon2");

/** Field 19 of /proc/<pid>/task/<tid>/stat: the thread's nice value. */
function readNice(tid: number | "self"): number {
  const stat = readFileSync(
    tid === "self" ? "/proc/thread-self/stat" : `/proc/self/task/${tid}/stat`,
    "utf8",
  );
  // Fields after the command name (which may hold spaces) start at field 3.
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
}

/** Field 14 + 15 of the stat: CPU time the thread has used, in clock ticks. */
function readCpuTicks(tid: number): number {
  const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

describe("PasswordWorkers", () => {
  const workers = new PasswordWorkers(2);
  afterAll(() => workers.close());

  it("hashes with the options given, and the hash verifies only the right password", async () => {
    const stored = await workers.hash("correct horse battery staple", OPTIONS);
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await workers.verify(stored, "correct horse battery staple")).toBe(true);
    expect(await workers.verify(stored, "correct horse battery stapler")).toBe(false);
  });

  it("verifies a hash made before the workers existed (in the main thread, by the library)", async () => {
    const { hash } = await import("@node-rs/argon2");
    const stored = await hash("violet tractor sings", OPTIONS);
    expect(await workers.verify(stored, "violet tractor sings")).toBe(true);
  });

  it("passes argon2's own refusal to the caller as an Argon2Error", async () => {
    await expect(workers.verify("not a hash", "anything")).rejects.toBeInstanceOf(Argon2Error);
    await expect(workers.hash("x", { ...OPTIONS, memoryCost: 1 })).rejects.toBeInstanceOf(
      Argon2Error,
    );
    // The worker that refused still works.
    expect(await workers.hash("still here", OPTIONS)).toMatch(/^\$argon2id\$/);
  });

  it("runs many jobs at once on at most `size` threads", async () => {
    const hashes = await Promise.all(
      Array.from({ length: 6 }, (_, i) => workers.hash(`password number ${i}`, OPTIONS)),
    );
    expect(new Set(hashes).size).toBe(6);
    expect(workers.threadIds().length).toBeLessThanOrEqual(2);
  });

  it.runIf(process.platform === "linux")(
    "hashes on threads at nice 19 while the calling thread stays at its own priority",
    async () => {
      await Promise.all([workers.hash("one", OPTIONS), workers.hash("two", OPTIONS)]);
      const tids = workers.threadIds();
      expect(tids.length).toBeGreaterThan(0);
      const before = tids.map(readCpuTicks);
      for (let i = 0; i < 4; i++) await workers.hash(`busy ${i}`, OPTIONS);
      const after = tids.map(readCpuTicks);
      // The niced threads did the hashing (CPU time, not wall time: a shared machine is fine).
      expect(after.reduce((a, b) => a + b)).toBeGreaterThan(before.reduce((a, b) => a + b));
      for (const tid of tids) expect(readNice(tid)).toBe(19);
      expect(readNice("self")).not.toBe(19);
    },
  );

  it("replaces a worker that dies: its job fails, the next one runs", async () => {
    // A real worker death needs a way in: an argon2 entry that ends its thread on one password.
    const dir = await mkdtemp(join(tmpdir(), "ct-password-workers-"));
    try {
      const dying = join(dir, "dying-argon2.cjs");
      await writeFile(
        dying,
        `const argon2 = require(${JSON.stringify(argon2Path)});
module.exports = {
  hashSync: (password, options) =>
    password === "end this thread" ? process.exit(3) : argon2.hashSync(password, options),
  verifySync: argon2.verifySync,
};`,
      );
      const fragile = new PasswordWorkers(1, dying);
      try {
        const first = await fragile.hash("before", OPTIONS);
        const [dead, after] = await Promise.allSettled([
          fragile.hash("end this thread", OPTIONS),
          fragile.hash("after", OPTIONS),
        ]);
        expect(dead.status).toBe("rejected");
        expect(String((dead as PromiseRejectedResult).reason)).toMatch(/exit code 3/);
        expect(after.status).toBe("fulfilled");
        expect(await fragile.verify(first, "before")).toBe(true);
      } finally {
        await fragile.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("closes: idle workers stop at once, a busy one after its job, and a later job starts anew", async () => {
    const pool = new PasswordWorkers(1);
    const busy = pool.hash("in flight", OPTIONS);
    await Promise.resolve();
    const closed = pool.close();
    expect(await busy).toMatch(/^\$argon2id\$/);
    await closed;
    expect(pool.threadIds()).toEqual([]);
    expect(await pool.hash("again", OPTIONS)).toMatch(/^\$argon2id\$/);
    await pool.close();
  });
});
