import { expect, type Page, test } from "@playwright/test";

/** Picks a theme in the header and waits until the server has saved it in the cookie. */
async function chooseTheme(page: Page, name: "Light" | "Dark" | "System") {
  const saved = page.waitForResponse(
    (response) => response.request().method() === "POST" && response.url().includes("/theme"),
  );
  await page.getByRole("group", { name: "Theme" }).getByRole("button", { name }).click();
  await saved;
}

/** The <html> tag exactly as the server sent it, before any script ran. */
function htmlTagOf(body: string): string {
  const tag = body.match(/<html[^>]*>/)?.[0];
  if (!tag) throw new Error("no <html> tag in the page");
  return tag;
}

test("a chosen theme is remembered and rendered by the server, so reloads never flash", async ({
  page,
}) => {
  await page.goto("/");
  await chooseTheme(page, "Dark");
  await expect(page.locator("html")).toHaveClass("dark");
  await expect(
    page.getByRole("group", { name: "Theme" }).getByRole("button", { name: "Dark" }),
  ).toHaveAttribute("aria-pressed", "true");

  const dark = await page.reload();
  expect(htmlTagOf((await dark?.text()) ?? "")).toContain('class="dark"');
  await expect(page.locator("html")).toHaveClass("dark");

  await chooseTheme(page, "Light");
  await expect(page.locator("html")).not.toHaveClass("dark");
  const light = await page.reload();
  expect(htmlTagOf((await light?.text()) ?? "")).not.toContain("dark");
});

test.describe("on a device set to dark", () => {
  test.use({ colorScheme: "dark" });

  test("the system theme is dark from the first paint and in the server's HTML after", async ({
    page,
  }) => {
    await page.goto("/login");
    // First visit: the server cannot know yet; the head script fixes the class before paint.
    await expect(page.locator("html")).toHaveClass("dark");
    const again = await page.reload();
    expect(htmlTagOf((await again?.text()) ?? "")).toContain('class="dark"');
    await expect(
      page.getByRole("group", { name: "Theme" }).getByRole("button", { name: "System" }),
    ).toHaveAttribute("aria-pressed", "true");
  });
});
