import { getFormProps, useForm } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { data, Form, redirect, useSearchParams } from "react-router";
import { AuthAlternative } from "~/components/auth-alternative";
import { AuthCard } from "~/components/auth-card";
import { EmailField } from "~/components/email-field";
import { FormAlert } from "~/components/form-alert";
import { SubmitButton } from "~/components/submit-button";
import { Field } from "~/components/ui/field";
import { refuseForm } from "~/lib/form-errors.server";
import { parseForm } from "~/lib/forms";
import { pageTitle } from "~/lib/i18n/meta";
import { safeRedirect } from "~/lib/safe-redirect";
import { requireAnonymous } from "~/lib/session.server";
import { LoginInput } from "~/lib/sign-in-forms";
import type { Route } from "./+types/login";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, (t) => t("login.title", { ns: "auth" })) },
];

export async function loader({ context }: Route.LoaderArgs) {
  await requireAnonymous(context);
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const submission = parseForm(await request.formData(), LoginInput);
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, 400);
  }
  const { redirectTo, ...input } = submission.value;
  let twoFactorRequired: boolean;
  try {
    ({ twoFactorRequired } = await context.trpc.auth.login(input));
  } catch (error) {
    // Wrong email or password is one answer, shown at the password.
    const refusal = refuseForm(context, error, { INVALID_CREDENTIALS: "password" });
    return data({ result: submission.reply({ ...refusal, hideFields: ["password"] }) }, 400);
  }
  const back = safeRedirect(redirectTo ?? null);
  if (twoFactorRequired) {
    throw redirect(`/login/2fa?redirectTo=${encodeURIComponent(back)}`);
  }
  throw redirect(back);
}

export default function LogIn({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation("auth");
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    id: "login",
    lastResult: actionData?.result,
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseForm(formData, LoginInput),
  });
  return (
    <AuthCard title={t("login.title")}>
      <Form method="post" className="flex flex-col gap-4" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        {searchParams.has("ended") && !actionData ? (
          <p role="status" className="rounded-md border border-border px-3 py-2 text-sm">
            {t("login.ended")}
          </p>
        ) : null}
        <FormAlert message={form.errors?.[0]} />
        <EmailField defaultValue={fields.email.initialValue} error={fields.email.errors} />
        <Field
          label={t("password")}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={fields.password.errors}
        />
        <SubmitButton pendingText={t("login.pending")}>{t("login.submit")}</SubmitButton>
      </Form>
      <AuthAlternative question={t("login.newHere")} to="/signup">
        {t("login.createAccount")}
      </AuthAlternative>
    </AuthCard>
  );
}
