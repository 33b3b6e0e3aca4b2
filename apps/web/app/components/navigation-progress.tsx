import { useTranslation } from "react-i18next";
import { useNavigation } from "react-router";

/** A thin bar across the top while the next page loads, announced once to screen readers. */
export function NavigationProgress() {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  return (
    <div
      role="progressbar"
      aria-label={t("loadingPage")}
      aria-hidden={!busy}
      className={`fixed inset-x-0 top-0 z-50 h-0.5 origin-left bg-accent transition-transform duration-500 ${busy ? "scale-x-75" : "scale-x-0"}`}
    />
  );
}
