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
import type { Route } from "./+types/account";

export const meta: Route.MetaFunction = () => [{ title: "Account security · CryptoTrade" }];

const SECTIONS = [
  { id: "security", label: "Security" },
  { id: "sessions", label: "Sessions" },
  { id: "api-keys", label: "API keys" },
  { id: "password", label: "Password" },
];

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
  return respond(await runAccountForm(context, intent, formData));
}

export default function Account({ loaderData }: Route.ComponentProps) {
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Account security</h1>
        <p className="mt-1 text-sm text-muted">
          Signed in as {loaderData.username} ({loaderData.email})
        </p>
      </div>
      <nav aria-label="Account sections" className="flex flex-wrap gap-2">
        {SECTIONS.map((section) => (
          <a
            key={section.id}
            href={`#${section.id}`}
            className="rounded-md border border-border px-3 py-1.5 text-sm hover:bg-surface-raised"
          >
            {section.label}
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
