import { expect, test } from "@playwright/test";
import { openApiTrader, tradeInsideSpread } from "./traders";

/**
 * A fixed-offset zone in which it is now between 00:00 and 00:59, so the trades made now fall
 * in the hour some ICU versions write as 24: the test does not depend on when it runs.
 */
function zoneWhereItIsNowMidnight(): string {
  const hoursAhead = (24 - new Date().getUTCHours()) % 24;
  const offset = hoursAhead > 14 ? hoursAhead - 24 : hoursAhead;
  // Etc/GMT zones count the other way round: Etc/GMT-9 is nine hours ahead of UTC.
  return offset === 0 ? "UTC" : `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset)}`;
}

const zone = zoneWhereItIsNowMidnight();

/** A trade time as a trader in `zone` reads it: 24-hour, midnight as 00. */
function clockIn(timeZone: string, iso: string): string {
  return new Intl.DateTimeFormat("en-US", {
    hourCycle: "h23",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZone,
  }).format(new Date(iso));
}

/** The recent trades' times in the HTML exactly as the server sent it: [datetime, text]. */
function serverTradeTimes(html: string): [string, string][] {
  const tape = html.slice(html.indexOf('aria-label="Recent trades"'));
  const rows = tape.slice(0, tape.indexOf("</table>"));
  return [...rows.matchAll(/<time dateTime="([^"]+)">([^<]*)<\/time>/g)].map((match) => [
    match[1] ?? "",
    match[2] ?? "",
  ]);
}

test.use({ timezoneId: zone });

test(`recent trades read in the viewer's zone (${zone}), the same from the server and after hydration`, async ({
  page,
  baseURL,
}) => {
  const url = baseURL ?? "";
  const [seller, buyer] = await Promise.all([
    openApiTrader(url, { BTC: "1" }),
    openApiTrader(url, { USDT: "100000" }),
  ]);
  const btc = (await seller.market.list.query()).find((market) => market.symbol === "BTC-USDT");
  if (!btc) throw new Error("the demo has no BTC-USDT market");
  await tradeInsideSpread(seller, buyer, btc);
  await seller.orders.cancelAll.mutate({ symbol: btc.symbol });

  const hydrationErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /hydrat|did not match/i.test(message.text())) {
      hydrationErrors.push(message.text());
    }
  });
  // The first visit tells the server the zone (a cookie); the next page is rendered in it.
  await page.goto("/trade/BTC-USDT");
  const response = await page.reload();
  const times = serverTradeTimes((await response?.text()) ?? "");
  expect(times.length).toBeGreaterThan(0);
  for (const [iso, text] of times) {
    expect(text).toBe(clockIn(zone, iso));
    expect(text).not.toMatch(/^24:/);
  }

  const tape = page.getByRole("table", { name: "Recent trades" });
  const [iso, text] = times[0] ?? ["", ""];
  await expect(tape.locator(`time[datetime="${iso}"]`).first()).toHaveText(text);
  expect(hydrationErrors).toEqual([]);
});

test.describe("on a first visit, before the browser has told its zone", () => {
  test("the server shows no clock time rather than one in its own zone", async ({ request }) => {
    const html = await (await request.get("/trade/BTC-USDT")).text();
    for (const [, text] of serverTradeTimes(html)) expect(text).toBe("––:––:––");
  });
});
