import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ServerProcess, startServerProcess } from "@cryptotrade/server/testing/server-process";
import { findFreePort } from "@cryptotrade/testing/free-port";
import { makeLocalhostCertificate } from "@cryptotrade/testing/localhost-certificate";
import { expect, test } from "@playwright/test";
import { newAccount } from "./accounts";
import { startTlsProxy, type TlsProxy } from "./tls-proxy";

/** The proxy reaches the server from this loopback address; tests connect from 127.0.0.1. */
const PROXY_ADDRESS = "127.0.0.2";

let dir: string;
let server: ServerProcess | undefined;
let proxy: TlsProxy | undefined;
let publicOrigin: string;

// The deployment the repo ships: production, behind a TLS-terminating proxy it trusts.
test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = await mkdtemp(join(tmpdir(), "cryptotrade-tls-"));
  const certificate = makeLocalhostCertificate(dir);
  const proxyPort = await findFreePort();
  publicOrigin = `https://localhost:${proxyPort}`;
  server = await startServerProcess({
    env: {
      NODE_ENV: "production",
      // The embedded database and a generated key: the proxy, not the storage, is the point.
      ALLOW_INSECURE_PRODUCTION: "true",
      DATA_DIR: join(dir, "data"),
      PUBLIC_ORIGIN: publicOrigin,
      TRUSTED_PROXIES: PROXY_ADDRESS,
      LOG_LEVEL: "warn",
    },
    // A second server beside the run's own, on a shared 2-core machine.
    readyTimeoutMs: 150_000,
  });
  proxy = await startTlsProxy({
    port: proxyPort,
    upstreamPort: server.port,
    sourceAddress: PROXY_ADDRESS,
    certificate,
  });
});

test.afterAll(async () => {
  await proxy?.close();
  await server?.kill("SIGTERM");
  await rm(dir, { recursive: true, force: true });
});

test.use({ ignoreHTTPSErrors: true });

test("a person signs up through the site's HTTPS proxy", async ({ page }) => {
  const account = newAccount();
  await page.goto(`${publicOrigin}/signup`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Username").fill(account.username);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByTestId("signed-in-user")).toHaveText(account.username);
  expect(page.url()).toBe(`${publicOrigin}/`);
});

test("a form posted from another site is still refused", async ({ page }) => {
  // Another site's page (served by the browser's own routing: no network needed), whose
  // form posts to the exchange's sign-in as a CSRF attack would.
  await page.route("https://evil.example/", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<form method="post" action="${publicOrigin}/login">
        <input name="email" value="victim@example.com" aria-label="Email">
        <input name="password" value="whatever-long-password" aria-label="Password">
        <button>Go</button></form>`,
    }),
  );
  await page.goto("https://evil.example/");
  const answer = page.waitForResponse((response) => response.url().startsWith(publicOrigin));
  await page.getByRole("button", { name: "Go" }).click();
  expect((await answer).status()).toBe(403);
});

test("a client reaching the server directly cannot claim the proxy's headers", async ({
  playwright,
}) => {
  const direct = await playwright.request.newContext();
  const account = newAccount();
  const answer = await direct.post(`${server?.url}/signup`, {
    headers: {
      origin: publicOrigin,
      "x-forwarded-proto": "https",
      "x-forwarded-host": new URL(publicOrigin).host,
      "x-forwarded-for": "203.0.113.9",
    },
    form: account,
    maxRedirects: 0,
  });
  // React Router's own check: the Origin is not this request's origin (http://127.0.0.1:…).
  expect(answer.status()).toBe(400);
  expect(answer.headers()["set-cookie"]).toBeUndefined();
  await direct.dispose();
});
