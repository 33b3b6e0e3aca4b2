import type { AppLoadContext } from "react-router";
import type { FormAnswer } from "~/lib/form-answer";
import { answerForm } from "~/lib/form-answer.server";
import { parseForm } from "~/lib/forms";
import { formatMoment } from "~/lib/time-format";
import { DEFAULT_LOCALE } from "~/lib/viewer";
import {
  type AccountIntent,
  ButtonOnlyInput,
  ChangePasswordInput,
  NewApiKeyInput,
  ReauthenticateInput,
  RowInput,
  SessionsInput,
  TotpCodeInput,
} from "./account-forms";
import type { NewApiKeyShown } from "./new-api-key-panel";
import type { TotpSetup } from "./totp-setup-panel";

/** What the account page's action answers a form with, and what the page shows next. */
export interface AccountAnswer extends FormAnswer<AccountIntent> {
  setup?: TotpSetup;
  recoveryCodes?: string[];
  apiKey?: NewApiKeyShown;
}

/**
 * Runs one account form: reads it with the schema its component validates with, calls the
 * procedure, and answers with Conform's result (errors placed by reason and field) plus what
 * the page shows next (a new key, recovery codes, the 2FA setup).
 */
export async function runAccountForm(
  context: AppLoadContext,
  intent: AccountIntent,
  formData: FormData,
): Promise<AccountAnswer> {
  const { trpc } = context;
  switch (intent) {
    case "change-password":
      return answerForm(
        context,
        intent,
        parseForm(formData, ChangePasswordInput),
        async ({ currentPassword, newPassword }) => {
          const changed = await trpc.account.changePassword({ currentPassword, newPassword });
          const sessions = `${changed.otherSessionsEnded} other session${changed.otherSessionsEnded === 1 ? "" : "s"}`;
          return {
            done: `Password changed. ${sessions} signed out; withdrawals are paused until ${formatMoment(changed.withdrawalsHeldUntil, { timeZone: null, locale: DEFAULT_LOCALE })}.`,
          };
        },
        { WRONG_PASSWORD: "currentPassword", WEAK_PASSWORD: "newPassword" },
      );
    case "reauthenticate":
      return answerForm(
        context,
        intent,
        parseForm(formData, ReauthenticateInput),
        async (form) => {
          await trpc.auth.reauthenticate(form);
          return { done: "Access confirmed." };
        },
        {
          WRONG_PASSWORD: "password",
          INVALID_CREDENTIALS: "password",
          INVALID_CODE: "code",
          TOTP_REQUIRED: "code",
        },
      );
    case "totp-setup":
      return answerForm(context, intent, parseForm(formData, ButtonOnlyInput), async () => ({
        setup: await trpc.account.totpSetup(),
      }));
    case "totp-enable":
      return answerForm(
        context,
        intent,
        parseForm(formData, TotpCodeInput),
        async (form) => ({ recoveryCodes: (await trpc.account.totpEnable(form)).recoveryCodes }),
        { INVALID_CODE: "code" },
      );
    case "regenerate-recovery-codes":
      return answerForm(context, intent, parseForm(formData, ButtonOnlyInput), async () => ({
        recoveryCodes: (await trpc.account.regenerateRecoveryCodes()).recoveryCodes,
      }));
    case "totp-disable":
      return answerForm(context, intent, parseForm(formData, ButtonOnlyInput), async () => {
        await trpc.account.totpDisable();
        return { done: "Two-factor authentication is off." };
      });
    case "revoke-session":
      return answerForm(context, intent, parseForm(formData, RowInput), async ({ id, label }) => {
        await trpc.auth.revokeSession({ id });
        return { done: `Signed out ${label ?? "that session"}.` };
      });
    case "revoke-other-sessions":
      return answerForm(context, intent, parseForm(formData, SessionsInput), async ({ id }) => {
        for (const session of id) await trpc.auth.revokeSession({ id: session });
        return {
          done: `Signed out ${id.length} other session${id.length === 1 ? "" : "s"}.`,
        };
      });
    case "create-api-key":
      return answerForm(
        context,
        intent,
        parseForm(formData, NewApiKeyInput),
        async ({ name, scope, kind, publicKey }) => {
          const key = await trpc.account.createApiKey({
            name,
            scopes: ["read", ...scope],
            kind,
            publicKey,
          });
          return {
            apiKey: {
              name: key.name,
              kind: key.kind,
              key: key.key,
              ...(key.secret ? { secret: key.secret } : {}),
            },
          };
        },
        {},
      );
    case "revoke-api-key":
      return answerForm(context, intent, parseForm(formData, RowInput), async ({ id }) => {
        await trpc.account.revokeApiKey({ id });
        return {};
      });
  }
}
