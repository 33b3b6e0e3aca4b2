import type { TFunction } from "i18next";
import type { AppLoadContext } from "react-router";
import type { FormAnswer } from "~/lib/form-answer";
import { answerForm } from "~/lib/form-answer.server";
import { parseForm } from "~/lib/forms";
import { formatMoment } from "~/lib/time-format";
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
  words: { t: TFunction; locale: string },
): Promise<AccountAnswer> {
  const { trpc } = context;
  const { t, locale } = words;
  switch (intent) {
    case "change-password":
      return answerForm(
        context,
        intent,
        parseForm(formData, ChangePasswordInput),
        async ({ currentPassword, newPassword }) => {
          const changed = await trpc.account.changePassword({ currentPassword, newPassword });
          return {
            done: t("password.changed", {
              ns: "account",
              count: changed.otherSessionsEnded,
              until: formatMoment(changed.withdrawalsHeldUntil, { timeZone: null, locale }),
            }),
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
          return { done: t("confirm.done", { ns: "account" }) };
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
        return { done: t("twoFactor.turnedOff", { ns: "account" }) };
      });
    case "revoke-session":
      return answerForm(context, intent, parseForm(formData, RowInput), async ({ id, label }) => {
        await trpc.auth.revokeSession({ id });
        return {
          done: label
            ? t("sessions.signedOut", { ns: "account", device: label })
            : t("sessions.signedOutThat", { ns: "account" }),
        };
      });
    case "revoke-other-sessions":
      return answerForm(context, intent, parseForm(formData, SessionsInput), async ({ id }) => {
        for (const session of id) await trpc.auth.revokeSession({ id: session });
        return {
          done: t("sessions.signedOutOthers", { ns: "account", count: id.length }),
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
