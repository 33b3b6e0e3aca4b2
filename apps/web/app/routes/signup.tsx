import { getFormProps, useForm } from "@conform-to/react";
import { data, Form, redirect } from "react-router";
import { AuthAlternative } from "~/components/auth-alternative";
import { AuthCard } from "~/components/auth-card";
import { EmailField } from "~/components/email-field";
import { FormAlert } from "~/components/form-alert";
import { SubmitButton } from "~/components/submit-button";
import { Field } from "~/components/ui/field";
import { refuseForm } from "~/lib/form-errors.server";
import { parseForm } from "~/lib/forms";
import { requireAnonymous } from "~/lib/session.server";
import { SignUpInput } from "~/lib/sign-in-forms";
import type { Route } from "./+types/signup";

export const meta: Route.MetaFunction = () => [{ title: "Sign up · CryptoTrade" }];

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
  const [form, fields] = useForm({
    id: "signup",
    lastResult: actionData?.result,
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseForm(formData, SignUpInput),
  });
  return (
    <AuthCard title="Create your account">
      <Form method="post" className="flex flex-col gap-4" {...getFormProps(form)}>
        <FormAlert message={form.errors?.[0]} />
        <EmailField defaultValue={fields.email.initialValue} error={fields.email.errors} />
        <Field
          label="Username"
          name="username"
          autoComplete="username"
          required
          hint="3–24 letters, digits or underscores"
          defaultValue={fields.username.initialValue}
          error={fields.username.errors}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 10 characters"
          error={fields.password.errors}
        />
        <SubmitButton pendingText="Creating account…">Sign up</SubmitButton>
      </Form>
      <AuthAlternative question="Already have an account?" to="/login">
        Log in
      </AuthAlternative>
    </AuthCard>
  );
}
