import { useTranslation } from "react-i18next";
/** Buy or Sell in its colour, with an arrow so it reads without colour too. */
export function OrderSide({ side }: { side: "buy" | "sell" }) {
  const { t } = useTranslation("trade");
  return side === "buy" ? (
    <span className="font-medium text-buy">
      <span aria-hidden="true">▲ </span>
      {t("side.buy")}
    </span>
  ) : (
    <span className="font-medium text-sell">
      <span aria-hidden="true">▼ </span>
      {t("side.sell")}
    </span>
  );
}
