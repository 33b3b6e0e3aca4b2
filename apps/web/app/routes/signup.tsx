import { getFormProps, useForm } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { data, Form, redirect } from "react-router";
import { AuthAlternative } from "~/components/auth-alternative";
import { AuthCard } from "~/components/auth-card";
import { EmailField } from "~/components/email-field";
import { FormAlert } from "~/components/form-alert";
import { SubmitButton } from "~/components/submit-button";
import { Field } from "~/components/ui/field";
import { refuseForm } from "~/lib/form-errors.server";
import { parseForm } from "~/lib/forms";
import { pageTitle } from "~/lib/i18n/meta";
import { requireAnonymous } from "~/lib/session.server";
import { SignUpInput } from "~/lib/sign-in-forms";
import type { Route } from "./+types/signup";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, (t) => t("signup.pageTitle", { ns: "auth" })) },
];

export async function loader({ context }: Route.LoaderArgs) {
  await requireAnonymous(context);
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const submission = parseForm(await request.formData(), SignUpInput);
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, 400);
  }
  try {
    // The procedure sets the session cookie; the server copies it onto this response.
    await context.trpc.auth.register(submission.value);
  } catch (error) {
    // A taken email or username is refused with a reason naming which.
    const refusal = refuseForm(context, error, {
      EMAIL_TAKEN: "email",
      USERNAME_TAKEN: "username",
      WEAK_PASSWORD: "password",
    });
    return data({ result: submission.reply({ ...refusal, hideFields: ["password"] }) }, 400);
  }
  throw redirect("/");
}

export default function SignUp({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation("auth");
  const [form, fields] = useForm({
    id: "signup",
    lastResult: actionData?.result,
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseForm(formData, SignUpInput),
  });
  return (
    <AuthCard title={t("signup.title")}>
      <Form method="post" className="flex flex-col gap-4" {...getFormProps(form)}>
        <FormAlert message={form.errors?.[0]} />
        <EmailField defaultValue={fields.email.initialValue} error={fields.email.errors} />
        <Field
          label={t("username")}
          name="username"
          autoComplete="username"
          required
          hint={t("signup.usernameHint")}
          defaultValue={fields.username.initialValue}
          error={fields.username.errors}
        />
        <Field
          label={t("password")}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={t("signup.passwordHint")}
          error={fields.password.errors}
        />
        <SubmitButton pendingText={t("signup.pending")}>{t("signup.submit")}</SubmitButton>
      </Form>
      <AuthAlternative question={t("signup.haveAccount")} to="/login">
        {t("signup.logIn")}
      </AuthAlternative>
    </AuthCard>
  );
}
