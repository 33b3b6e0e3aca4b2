import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCodeOf, startTestServer, type TestServer } from "./testing/test-server";

// A table another session holds locked: the read path's statement fails on its lock timeout
// (PostgreSQL's `lock_timeout`), as during a long migration or a stuck transaction. PGlite has
// one connection, so nothing there can hold a lock against the server's own queries.
describe.skipIf(!process.env.DATABASE_URL)(
  "read paths while the database cannot serve them",
  () => {
    let server: TestServer;
    let token = "";
    beforeAll(async () => {
      server = await startTestServer();
      ({ token } = await server.client().auth.register.mutate({
        email: "locked-out@example.com",
        username: "locked_out",
        password: "a long and varied passphrase 7",
      }));
    });
    afterAll(async () => {
      await server?.close();
    });

    /** Runs `call` while another connection holds `table` in access exclusive mode. */
    const whileLocked = (table: string, call: () => Promise<unknown>) =>
      server.database.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`lock table ${table} in access exclusive mode`));
        return errorCodeOf(call());
      });

    it("answers auth.me SERVICE_UNAVAILABLE (503), not an internal error, when its table is locked", async () => {
      expect(await errorCodeOf(server.client(token).auth.me.query())).toBe("OK");
      const code = await whileLocked("totp_credentials", () =>
        server.client(token).auth.me.query(),
      );
      expect(code).toBe("SERVICE_UNAVAILABLE");
    });

    it("answers portfolio.balances SERVICE_UNAVAILABLE (503) with a retry message when balances are locked", async () => {
      const response = await server.database.db.transaction(async (tx) => {
        await tx.execute(sql`lock table balances in access exclusive mode`);
        return server.fetch("/trpc/portfolio.balances", {
          headers: { authorization: `Bearer ${token}` },
        });
      });
      expect(response.status).toBe(503);
      // The message says what to do; the table and the lock stay on the server.
      const body = await response.text();
      expect(body).toMatch(/database is unavailable/);
      expect(body).not.toMatch(/lock|select|relation/);
    });
  },
);
