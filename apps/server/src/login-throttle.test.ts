import { countPasswordJobs } from "@cryptotrade/auth/testing";
import { auditLog } from "@cryptotrade/db/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCodeOf, registerUser, startTestServer, type TestServer } from "./testing/test-server";

/** The code and message of one failed login, which is all an attacker gets to see. */
async function attemptLogin(server: TestServer, email: string, password: string, address: string) {
  try {
    await server
      .client(undefined, {
        origin: server.services.config.publicOrigin,
        "x-forwarded-for": address,
      })
      .auth.login.mutate({ email, password });
    return "signed in";
  } catch (error) {
    const { data, message } = error as Error & { data?: { code?: string } };
    return `${data?.code}: ${message}`;
  }
}

describe("login throttling (behind a trusted proxy)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      env: { TRUST_PROXY: "true", RATE_LIMIT_LOGIN_FAILURES_PER_IP: "20" },
    });
  });
  afterAll(() => server.close());

  it("cuts 1000 wrong passwords short and answers an unknown email exactly the same", async () => {
    const victim = await registerUser(server);
    // The first unknown email also makes the throwaway hash it is checked against.
    await attemptLogin(server, "warm-up@example.com", "not the password", "198.51.100.50");
    const jobsBefore = countPasswordJobs();
    const forVictim: string[] = [];
    const forNobody: string[] = [];
    for (let i = 0; i < 1000; i++) {
      forVictim.push(await attemptLogin(server, victim.email, `guess number ${i}`, "198.51.100.1"));
      forNobody.push(
        await attemptLogin(server, "nobody@example.com", `guess number ${i}`, "198.51.100.2"),
      );
    }

    const refusedForPassword = "UNAUTHORIZED: Invalid email or password";
    expect(forVictim.slice(0, 5)).toEqual(Array(5).fill(refusedForPassword));
    expect(forVictim.slice(5).every((outcome) => outcome.startsWith("TOO_MANY_REQUESTS:"))).toBe(
      true,
    );
    expect(forNobody).toEqual(forVictim);
    // Only the first five of each reached argon2; the 1990 refusals cost no hashing at all.
    expect(countPasswordJobs() - jobsBefore).toBe(10);

    const failures = (await server.database.db.select().from(auditLog)).filter(
      (entry) => entry.action === "login.failed",
    );
    expect(failures.filter((entry) => entry.userId === victim.userId)).toHaveLength(5);

    // While locked, even the right password is refused, so the lock is no oracle.
    expect(await attemptLogin(server, victim.email, victim.password, "198.51.100.3")).toMatch(
      /^TOO_MANY_REQUESTS/,
    );
  });

  it("tells the client when to retry", async () => {
    const target = await registerUser(server);
    const origin = server.services.config.publicOrigin;
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) {
      last = await server.fetch("/trpc/auth.login", {
        method: "POST",
        headers: { "content-type": "application/json", origin, "x-forwarded-for": "198.51.100.9" },
        body: JSON.stringify({ json: { email: target.email, password: "wrong password!" } }),
      });
    }
    expect(last?.status).toBe(429);
    expect(Number(last?.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("counts attempts under the address the proxy saw, whatever the client puts before it", async () => {
    const results: string[] = [];
    for (let i = 0; i < 25; i++) {
      // Each try claims a new address and targets a new account; only the last hop counts.
      const spoofed = `10.${i}.${i}.${i}, 203.0.113.50`;
      results.push(await attemptLogin(server, `spray${i}@example.com`, "password guess", spoofed));
    }
    expect(results.slice(0, 20).every((r) => r.startsWith("UNAUTHORIZED"))).toBe(true);
    expect(results.slice(20).every((r) => r.startsWith("TOO_MANY_REQUESTS"))).toBe(true);

    const user = await registerUser(server);
    await server
      .client(undefined, {
        origin: server.services.config.publicOrigin,
        "x-forwarded-for": "6.6.6.6, 203.0.113.77",
      })
      .auth.login.mutate({ email: user.email, password: user.password });
    const sessions = await user.client.auth.sessions.query();
    expect(sessions.map((s) => s.ip)).toContain("203.0.113.77");
    expect(sessions.map((s) => s.ip)).not.toContain("6.6.6.6");
  });

  it("ignores X-Forwarded-For entirely when no proxy is trusted", async () => {
    const direct = await startTestServer();
    try {
      const user = await registerUser(direct);
      const spoofing = direct.client(undefined, {
        origin: direct.services.config.publicOrigin,
        "x-forwarded-for": "6.6.6.6",
      });
      const { token } = await spoofing.auth.login.mutate({
        email: user.email,
        password: user.password,
      });
      const sessions = await direct.client(token).auth.sessions.query();
      expect(sessions.every((s) => s.ip === "unknown")).toBe(true);
      expect(
        await errorCodeOf(spoofing.auth.login.mutate({ email: user.email, password: "nope nope" })),
      ).toBe("UNAUTHORIZED");
    } finally {
      await direct.close();
    }
  });
});
