import { expect, test } from "@playwright/test";
import { newAccount } from "./accounts";
import { callApi } from "./page-helpers";

/** Ways a `redirectTo` could send someone to another site; browsers read `/\` as `//`. */
const OFF_SITE = [
  "/\\evil.example",
  "//evil.example",
  "/%5Cevil.example",
  "%2F%2Fevil.example",
  "/\t/evil.example",
  "https://evil.example",
];

/** Where a redirect answer sends the browser, resolved against the page that posted. */
function landingOf(location: string | undefined, baseURL: string): URL {
  expect(location, "a redirect").toBeDefined();
  return new URL(location ?? "", baseURL);
}

test("signing in never sends the person to another site, whatever redirectTo says", async ({
  page,
  request,
  baseURL,
}) => {
  const base = baseURL ?? "";
  const account = newAccount();
  await callApi(request, base, "auth.register", account);
  for (const redirectTo of OFF_SITE) {
    const answer = await request.post("/login", {
      headers: { origin: base },
      form: { email: account.email, password: account.password, redirectTo },
      maxRedirects: 0,
    });
    expect(answer.status(), redirectTo).toBe(302);
    const landing = landingOf(answer.headers().location, base);
    expect(landing.origin, redirectTo).toBe(new URL(base).origin);
  }

  // The same through the form, as a person following a crafted link would.
  await page.goto(`/login?redirectTo=${encodeURIComponent("/\\evil.example")}`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByTestId("signed-in-user")).toHaveText(account.username);
  expect(new URL(page.url()).origin).toBe(new URL(base).origin);
});

test("choosing a theme never sends the person to another site", async ({ request, baseURL }) => {
  const base = baseURL ?? "";
  for (const redirectTo of OFF_SITE) {
    const answer = await request.post("/theme", {
      headers: { origin: base },
      form: { theme: "dark", redirectTo },
      maxRedirects: 0,
    });
    expect(answer.status(), redirectTo).toBe(302);
    expect(landingOf(answer.headers().location, base).href, redirectTo).toBe(
      new URL("/", base).href,
    );
  }
  const home = await request.post("/theme", {
    headers: { origin: base },
    form: { theme: "dark", redirectTo: "/trade/BTC-USDT?x=1" },
    maxRedirects: 0,
  });
  expect(home.headers().location).toBe("/trade/BTC-USDT?x=1");
});

test("signed-in pages and their data requests are never cached", async ({
  page,
  request,
  baseURL,
}) => {
  const base = baseURL ?? "";
  await callApi(request, base, "auth.register", newAccount());
  for (const path of ["/portfolio", "/portfolio.data", "/wallet", "/account"]) {
    const answer = await request.get(path, { maxRedirects: 0 });
    expect(answer.status(), path).toBe(200);
    expect(answer.headers()["cache-control"], path).toBe("no-store");
  }
  const markets = await page.request.get("/trpc/market.list");
  expect(markets.headers()["cache-control"]).toBeUndefined();
});
