import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@cryptotrade/api/client";
import { runGrantAdmin } from "@cryptotrade/server/testing/grant-admin-process";
import { startServerProcess } from "@cryptotrade/server/testing/server-process";
import { findFreePort } from "@cryptotrade/testing/free-port";
import { makeLocalhostCertificate } from "@cryptotrade/testing/localhost-certificate";

/** The operator account every admin journey signs in as (made admin with `pnpm admin:grant`). */
const ADMIN = {
  email: "e2e-admin@example.com",
  username: "e2e_admin",
  password: "operator-passphrase-long",
};

/**
 * Starts the real exchange (the built web app included) on a free port with a fresh embedded
 * database and the demo market maker, for every test of the run. Before the run, an operator
 * account is registered and made admin with the real CLI (`pnpm admin:grant`), as an operator
 * would: the embedded database allows one process, so the server stops for the command and
 * starts again on the same port. The returned teardown stops that process by its own id,
 * whether the tests passed or failed; if the runner itself dies, the helper kills the child.
 */
export default async function globalSetup() {
  const dataDir = await mkdtemp(join(tmpdir(), "cryptotrade-e2e-"));
  const port = await findFreePort();
  const origin = `http://127.0.0.1:${port}`;
  // The certificate of the push service a journey runs in place of FCM (price-alert.spec.ts):
  // the server trusts it as it trusts a real push service's, by its CA list.
  const pushCertificateDir = await mkdtemp(join(tmpdir(), "cryptotrade-e2e-push-"));
  makeLocalhostCertificate(pushCertificateDir);
  const env = {
    NODE_EXTRA_CA_CERTS: join(pushCertificateDir, "cert.pem"),
    DATA_DIR: dataDir,
    DEMO: "true",
    LOG_LEVEL: "warn",
    PUBLIC_ORIGIN: origin,
    // Every journey signs up from this one address; the hourly sign-up limit is not the point.
    RATE_LIMIT_REGISTRATIONS_PER_IP: "100000",
    // Two browsers at once on that address, as two people behind one NAT: the page limits
    // (ADR 024) are tested on their own in apps/server.
    RATE_LIMIT_PAGES_PER_IP: "100000",
    RATE_LIMIT_PAGES_IN_FLIGHT_PER_IP: "64",
  };
  const first = await startServerProcess({ port, env });
  try {
    await createClient({ url: origin, headers: { origin } }).auth.register.mutate(ADMIN);
  } finally {
    await first.kill("SIGTERM");
  }
  const granted = await runGrantAdmin({ DATA_DIR: dataDir }, [ADMIN.email]);
  if (granted.code !== 0) throw new Error(`pnpm admin:grant failed: ${granted.stderr}`);
  const server = await startServerProcess({ port, env });
  process.env.E2E_BASE_URL = origin;
  process.env.E2E_PUSH_CERTIFICATE_DIR = pushCertificateDir;
  process.env.E2E_ADMIN_EMAIL = ADMIN.email;
  process.env.E2E_ADMIN_PASSWORD = ADMIN.password;
  return async () => {
    await server.kill("SIGTERM");
    await rm(dataDir, { recursive: true, force: true });
    await rm(pushCertificateDir, { recursive: true, force: true });
  };
}
