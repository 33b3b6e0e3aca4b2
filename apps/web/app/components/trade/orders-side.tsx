/** Buy or Sell in its colour, with an arrow so it reads without colour too. */
export function OrderSide({ side }: { side: "buy" | "sell" }) {
  return side === "buy" ? (
    <span className="font-medium text-buy">
      <span aria-hidden="true">▲ </span>Buy
    </span>
  ) : (
    <span className="font-medium text-sell">
      <span aria-hidden="true">▼ </span>Sell
    </span>
  );
}
