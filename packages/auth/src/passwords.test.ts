import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  countPasswordJobs,
  getPasswordThreadIds,
  getPasswordWeakness,
  hashPassword,
  verifyPassword,
} from "./passwords";

const owner = { username: "alice", email: "alice.smith@example.com" };

describe("passwords", () => {
  it("hashes with argon2id at OWASP's parameters (19 MiB, 2 passes, 1 lane)", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("accepts the right password and refuses a wrong or malformed one", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(await verifyPassword(stored, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(stored, "correct horse battery stapler")).toBe(false);
    expect(await verifyPassword("not a hash", "anything")).toBe(false);
  });

  it.runIf(process.platform === "linux")(
    "hashes on the process's threads at nice 19, so trading keeps the cores under a flood",
    async () => {
      await hashPassword("correct horse battery staple");
      const tids = getPasswordThreadIds();
      expect(tids.length).toBeGreaterThan(0);
      for (const tid of tids) {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
        // Field 19, the nice value, counted from field 3 after the command name.
        expect(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]).toBe("19");
      }
    },
  );

  it("spends full argon2 work on an unknown user, as on a wrong password", async () => {
    const stored = await hashPassword("correct horse battery staple");
    // The first check of an unknown user also makes the throwaway hash it verifies against.
    await verifyPassword(null, "warm-up");
    const jobsBefore = countPasswordJobs();
    expect(await verifyPassword(stored, "guess")).toBe(false);
    expect(countPasswordJobs()).toBe(jobsBefore + 1);
    // An unknown user costs one verification on the hashing thread too, never a shortcut.
    expect(await verifyPassword(null, "guess")).toBe(false);
    expect(countPasswordJobs()).toBe(jobsBefore + 2);
  });

  it("sets a strength floor without composition rules", () => {
    expect(getPasswordWeakness("short", owner)).toMatch(/at least 10/);
    expect(getPasswordWeakness("aaaaabbbbbaaaaa", owner)).toMatch(/too few different/);
    expect(getPasswordWeakness("Password123", owner)).toMatch(/too common/);
    expect(getPasswordWeakness("xx-alice-2024!", owner)).toMatch(/username or email/);
    expect(getPasswordWeakness("alice.smith99", { username: "bob", email: owner.email })).toMatch(
      /username or email/,
    );
    expect(getPasswordWeakness("violet tractor sings", owner)).toBeNull();
  });
});
