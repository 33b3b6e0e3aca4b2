import { useTranslation } from "react-i18next";
import { StarIcon } from "./favourite-button";

/** "Favourites": a toggle that narrows the list to the markets starred in this browser. */
export function FavouritesFilter({
  pressed,
  onToggle,
}: {
  pressed: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation("markets");
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onToggle}
      className="inline-flex items-center gap-1.5 rounded-md border border-border px-3 py-2 text-sm text-muted hover:text-text aria-pressed:border-accent aria-pressed:font-semibold aria-pressed:text-text"
    >
      <StarIcon filled={pressed} />
      {t("favourites")}
    </button>
  );
}
