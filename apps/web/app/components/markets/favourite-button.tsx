import { useTranslation } from "react-i18next";
/**
 * The star that keeps a market among this browser's favourites: a toggle button whose pressed
 * state screen readers announce, named for its market ("Favourite BTC-USDT").
 */
export function FavouriteButton({
  symbol,
  pressed,
  onToggle,
}: {
  symbol: string;
  pressed: boolean;
  onToggle: (symbol: string) => void;
}) {
  const { t } = useTranslation("markets");
  return (
    <button
      type="button"
      aria-pressed={pressed}
      aria-label={t("favourite", { symbol })}
      onClick={() => onToggle(symbol)}
      className="grid size-8 place-items-center rounded text-muted hover:text-text aria-pressed:text-accent"
    >
      <StarIcon filled={pressed} />
    </button>
  );
}

/** A five-pointed star, outlined or filled; decoration only (the button carries the name). */
export function StarIcon({ filled }: { filled: boolean }) {
  return (
    <svg
      viewBox="0 0 24 24"
      aria-hidden="true"
      className="size-4"
      fill={filled ? "currentColor" : "none"}
      stroke="currentColor"
      strokeWidth="2"
      strokeLinejoin="round"
    >
      <path d="M12 2.8l2.8 5.8 6.4.9-4.6 4.5 1.1 6.3L12 17.3l-5.7 3 1.1-6.3-4.6-4.5 6.4-.9z" />
    </svg>
  );
}
