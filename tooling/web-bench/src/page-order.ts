import type { Page } from "@playwright/test";

/** What the page's own call to `orders.place` gave, with its times on the page's clock. */
export interface PageOrder {
  id: string | undefined;
  status: string | undefined;
  /** Epoch ms (performance.timeOrigin + now) in the page: sent, and answered. */
  sentAt: number;
  answeredAt: number;
}

/**
 * Places an order from inside the page, as a bot's HTTP call would be (tRPC's wire format with
 * the API key as Bearer), so its answer and the book's row are stamped on one clock and no
 * offset is needed.
 *
 * @example
 * const placed = await placeOrderFromPage(page, apiKey, { symbol, side: "buy", ... });
 */
export function placeOrderFromPage(
  page: Page,
  apiKey: string,
  input: Record<string, unknown>,
): Promise<PageOrder> {
  return page.evaluate(
    async ([key, order]) => {
      const origin = performance.timeOrigin;
      const sent = performance.now();
      const response = await fetch("/trpc/orders.place", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body: JSON.stringify({ json: order }),
      });
      const answered = performance.now();
      const body: unknown = await response.json();
      const placed = (body as { result?: { data?: { json?: { id?: string; status?: string } } } })
        .result?.data?.json;
      return {
        id: placed?.id,
        status: placed?.status,
        sentAt: origin + sent,
        answeredAt: origin + answered,
      };
    },
    [apiKey, input] as const,
  );
}
