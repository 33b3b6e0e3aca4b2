import type { MarketInfo } from "./markets";

/**
 * Converts between a market's minor units (what the database and API hold) and the engine's
 * integer ticks and lots. One tick × one lot is `notionalUnit` quote minor units, exactly.
 */
export class MarketUnits {
  readonly notionalUnit: bigint;

  constructor(readonly market: MarketInfo) {
    this.notionalUnit = (market.tickSize * market.lotSize) / 10n ** BigInt(market.baseDecimals);
  }

  /** Price in quote minor units → ticks; undefined when it is not on the tick grid. */
  toTicks(price: bigint): number | undefined {
    return price % this.market.tickSize === 0n ? Number(price / this.market.tickSize) : undefined;
  }

  /** Quantity in base minor units → lots; undefined when it is not a whole number of lots. */
  toLots(quantity: bigint): number | undefined {
    return quantity % this.market.lotSize === 0n
      ? Number(quantity / this.market.lotSize)
      : undefined;
  }

  /** Ticks of a price already checked to be on the grid; off the grid here is a bug, so it throws. */
  requireTicks(price: bigint): number {
    const ticks = this.toTicks(price);
    if (ticks === undefined)
      throw new Error(`${this.market.symbol}: price ${price} is off the tick grid`);
    return ticks;
  }

  /** Lots of a quantity already checked to be whole lots; anything else is a bug, so it throws. */
  requireLots(quantity: bigint): number {
    const lots = this.toLots(quantity);
    if (lots === undefined)
      throw new Error(`${this.market.symbol}: quantity ${quantity} is not whole lots`);
    return lots;
  }

  price(ticks: number): bigint {
    return BigInt(ticks) * this.market.tickSize;
  }

  quantity(lots: number): bigint {
    return BigInt(lots) * this.market.lotSize;
  }

  /** The quote minor units of `lots` at `ticks`. */
  notional(ticks: number, lots: number): bigint {
    return BigInt(ticks) * BigInt(lots) * this.notionalUnit;
  }

  /** Quote minor units of an engine notional (tick × lot units). */
  quoteOf(units: number): bigint {
    return BigInt(units) * this.notionalUnit;
  }

  /** The largest engine notional a quote amount pays for (rounded down). */
  unitsOf(quote: bigint): number {
    return Number(quote / this.notionalUnit);
  }

  /** Fees round down, so the fees of many partial fills never exceed the fee of their sum. */
  fee(notional: bigint, bps: number): bigint {
    return (notional * BigInt(bps)) / 10_000n;
  }

  /** The most a buy of this notional can cost: notional plus the larger fee rate. */
  withMaxFee(notional: bigint): bigint {
    const bps = Math.max(this.market.makerFeeBps, this.market.takerFeeBps);
    return notional + this.fee(notional, bps);
  }
}

/** Checks a market's sizes keep every amount exact and inside the engine's safe integers. */
export function describeUnitProblem(market: MarketInfo): string | undefined {
  const scale = 10n ** BigInt(market.baseDecimals);
  if ((market.tickSize * market.lotSize) % scale !== 0n) {
    return "tick size × lot size must be a whole number of quote minor units";
  }
  const maxTicks = market.maxPrice / market.tickSize;
  const maxLots = market.maxQuantity / market.lotSize;
  if (maxTicks * maxLots > BigInt(Number.MAX_SAFE_INTEGER)) {
    return "max price × max quantity is too large for exact matching";
  }
  if (market.makerFeeBps > market.takerFeeBps) return "the maker fee may not exceed the taker fee";
  return undefined;
}
