/**
 * A halted market, said where orders would be placed: nothing can be placed or traded until an
 * operator resumes it; open orders stay as they are and can still be cancelled.
 */
export function MarketHaltedNotice({ symbol }: { symbol: string }) {
  return (
    <div role="status" className="rounded-md border border-sell px-3 py-2 text-sm">
      <p className="font-medium">
        <span aria-hidden="true">⏸ </span>
        {symbol} is halted
      </p>
      <p className="mt-1 text-muted">
        Trading is paused by the exchange: new orders are refused until it resumes. Your open orders
        stay on the book and you can still cancel them.
      </p>
    </div>
  );
}
