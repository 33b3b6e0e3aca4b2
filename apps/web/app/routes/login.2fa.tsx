import { getFormProps, useForm } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect, useSearchParams } from "react-router";
import { AuthCard } from "~/components/auth-card";
import { FormAlert } from "~/components/form-alert";
import { SubmitButton } from "~/components/submit-button";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { refuseForm } from "~/lib/form-errors.server";
import { parseForm } from "~/lib/forms";
import { pageTitle } from "~/lib/i18n/meta";
import { safeRedirect } from "~/lib/safe-redirect";
import { getUser } from "~/lib/session.server";
import { SecondFactorInput } from "~/lib/sign-in-forms";
import type { Route } from "./+types/login.2fa";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, (t) => t("twoFactor.pageTitle", { ns: "auth" })) },
];

/** Only a session that passed the password and still owes its second factor belongs here. */
export async function loader({ context }: Route.LoaderArgs) {
  const user = await getUser(context);
  if (!user) throw redirect("/login");
  if (!user.twoFactorPending) throw redirect("/");
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const submission = parseForm(await request.formData(), SecondFactorInput);
  if (submission.status !== "success") return data({ result: submission.reply() }, 400);
  const { method, code, redirectTo } = submission.value;
  try {
    if (method === "recovery") await context.trpc.auth.verifyRecoveryCode({ code });
    else await context.trpc.auth.verifyTotp({ code });
  } catch (error) {
    // A wrong or reused code is the code field's problem; anything else is the form's.
    const refusal = refuseForm(context, error, { INVALID_CODE: "code", TOTP_REQUIRED: "code" });
    return data({ result: submission.reply(refusal) }, 400);
  }
  throw redirect(safeRedirect(redirectTo ?? null));
}

export default function TwoFactor({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation("auth");
  const [searchParams] = useSearchParams();
  const recovery = searchParams.has("recovery");
  const redirectTo = searchParams.get("redirectTo") ?? "/";
  const [form, fields] = useForm({
    id: recovery ? "second-factor-recovery" : "second-factor",
    lastResult: actionData?.result,
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseForm(formData, SecondFactorInput),
  });
  const other = new URLSearchParams(searchParams);
  if (recovery) other.delete("recovery");
  else other.set("recovery", "1");
  return (
    <AuthCard title={t("twoFactor.title")}>
      <Form method="post" className="flex flex-col gap-4" {...getFormProps(form)}>
        <input type="hidden" name="method" value={recovery ? "recovery" : "totp"} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <FormAlert message={form.errors?.[0]} />
        {recovery ? (
          <Field
            key="recovery"
            label={t("twoFactor.recoveryCode")}
            name="code"
            autoComplete="off"
            required
            hint={t("twoFactor.recoveryHint")}
            error={fields.code.errors}
          />
        ) : (
          <Field
            key="totp"
            label={t("twoFactor.code")}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            required
            hint={t("twoFactor.codeHint")}
            error={fields.code.errors}
          />
        )}
        <SubmitButton pendingText={t("twoFactor.pending")}>{t("twoFactor.submit")}</SubmitButton>
      </Form>
      <p className="mt-4 text-sm">
        <Link to={`?${other.toString()}`} className="text-accent underline">
          {recovery ? t("twoFactor.useApp") : t("twoFactor.useRecovery")}
        </Link>
      </p>
      <Form method="post" action="/logout" className="mt-2">
        <Button type="submit" variant="link">
          {t("twoFactor.cancel")}
        </Button>
      </Form>
    </AuthCard>
  );
}
