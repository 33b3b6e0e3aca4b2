import { useTranslation } from "react-i18next";
import { data } from "react-router";
import { runAccountForm } from "~/components/account/account-action.server";
import { isAccountIntent } from "~/components/account/account-forms";
import { ApiKeysSection } from "~/components/account/api-keys-section";
import { ChangePasswordSection } from "~/components/account/change-password-section";
import { ConfirmAccessProvider } from "~/components/account/confirm-access";
import { SessionsSection } from "~/components/account/sessions-section";
import { TwoFactorSection } from "~/components/account/two-factor-section";
import { WithdrawalHoldNotice } from "~/components/withdrawal-hold-notice";
import { requireSignedIn } from "~/lib/account-access.server";
import { respond } from "~/lib/form-answer.server";
import { requestWords } from "~/lib/i18n/language.server";
import { pageTitle } from "~/lib/i18n/meta";
import type { Route } from "./+types/account";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, (t) => t("pageTitle", { ns: "account" })) },
];

const SECTIONS = [
  { id: "security", label: "security" },
  { id: "sessions", label: "sessions" },
  { id: "api-keys", label: "apiKeys" },
  { id: "password", label: "password" },
] as const;

/** Checks the session here (the root loader does not re-run on client navigation). */
export async function loader({ context, request }: Route.LoaderArgs) {
  await requireSignedIn(context, request);
  const [me, sessions, apiKeys] = await Promise.all([
    context.trpc.auth.me(),
    context.trpc.auth.sessions(),
    context.trpc.account.apiKeys(),
  ]);
  return {
    username: me.user.username,
    email: me.user.email,
    twoFactorEnabled: me.twoFactorEnabled,
    withdrawalsHeldUntil: me.withdrawalsHeldUntil,
    sessions,
    apiKeys,
  };
}

/** Every form on the page posts here with its `intent` (fetchers; a plain post without scripts). */
export async function action({ context, request }: Route.ActionArgs) {
  await requireSignedIn(context, request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (!isAccountIntent(intent)) throw data("Unknown form", { status: 400 });
  const words = await requestWords(request, context);
  return respond(await runAccountForm(context, intent, formData, words));
}

export default function Account({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("account");
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted">
          {t("signedInAs", { username: loaderData.username, email: loaderData.email })}
        </p>
      </div>
      <nav aria-label={t("sectionsLabel")} className="flex flex-wrap gap-2">
        {SECTIONS.map((section) => (
          <a
            key={section.id}
            href={`#${section.id}`}
            className="rounded-md border border-border px-3 py-1.5 text-sm hover:bg-surface-raised"
          >
            {t(`sections.${section.label}`)}
          </a>
        ))}
      </nav>
      <WithdrawalHoldNotice until={loaderData.withdrawalsHeldUntil} />
      <ConfirmAccessProvider twoFactorEnabled={loaderData.twoFactorEnabled}>
        <TwoFactorSection enabled={loaderData.twoFactorEnabled} />
        <SessionsSection sessions={loaderData.sessions} />
        <ApiKeysSection keys={loaderData.apiKeys} />
        <ChangePasswordSection />
      </ConfirmAccessProvider>
    </div>
  );
}
