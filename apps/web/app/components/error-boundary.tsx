import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { isRouteErrorResponse, useRouteError } from "react-router";

/** What a boundary shows: a heading, a sentence, and where to go next. */
export interface ErrorCopy {
  title: string;
  detail: string;
  action?: ReactNode;
}

type ErrorStatus = number | "unexpected";

/**
 * The one error boundary (after Epic Stack's): a route names the words it wants per status and
 * for the unexpected case; a 404 says "Page not found" unless the route says otherwise. The
 * status (or "unexpected") is passed so a route can mention it.
 *
 * @example
 * export function ErrorBoundary() {
 *   return <GeneralErrorBoundary unexpected={() => ({ title: "…", detail: "…" })} />;
 * }
 */
export function GeneralErrorBoundary({
  statusCopy,
  unexpected,
}: {
  statusCopy?: Partial<Record<number, ErrorCopy>>;
  unexpected: (status: ErrorStatus) => ErrorCopy;
}) {
  const { t } = useTranslation();
  const error = useRouteError();
  const status: ErrorStatus = isRouteErrorResponse(error) ? error.status : "unexpected";
  const copy =
    (typeof status === "number" ? statusCopy?.[status] : undefined) ??
    (status === 404
      ? { title: t("notFound.title"), detail: t("notFound.detail") }
      : unexpected(status));
  return (
    <section role="alert" className="py-10">
      <h1 className="text-2xl font-semibold">{copy.title}</h1>
      <p className="mt-2 text-muted">{copy.detail}</p>
      {copy.action}
    </section>
  );
}
