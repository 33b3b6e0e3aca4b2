import { data, Form, redirect } from "react-router";
import { AuthAlternative } from "~/components/auth-alternative";
import { AuthCard } from "~/components/auth-card";
import { EmailField } from "~/components/email-field";
import { FormAlert } from "~/components/form-alert";
import { SubmitButton } from "~/components/submit-button";
import { Field } from "~/components/ui/field";
import { toFormErrors } from "~/lib/form-errors.server";
import { requireAnonymous } from "~/lib/session.server";
import type { Route } from "./+types/signup";

export const meta: Route.MetaFunction = () => [{ title: "Sign up · CryptoTrade" }];

export async function loader({ context }: Route.LoaderArgs) {
  await requireAnonymous(context);
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const input = {
    email: String(form.get("email") ?? ""),
    username: String(form.get("username") ?? ""),
    password: String(form.get("password") ?? ""),
  };
  try {
    // The procedure sets the session cookie; the server copies it onto this response.
    await context.trpc.auth.register(input);
  } catch (error) {
    // A taken email or username (CONFLICT) names which one in its message.
    const errors = toFormErrors(context, error, (shape) =>
      shape.data.code === "CONFLICT"
        ? /email/i.test(shape.message)
          ? "email"
          : "username"
        : undefined,
    );
    return data({ errors, values: { email: input.email, username: input.username } }, 400);
  }
  throw redirect("/");
}

export default function SignUp({ actionData }: Route.ComponentProps) {
  const errors = actionData?.errors;
  return (
    <AuthCard title="Create your account">
      <Form method="post" className="flex flex-col gap-4" noValidate>
        <FormAlert message={errors?.form} />
        <EmailField defaultValue={actionData?.values.email} error={errors?.fields.email} />
        <Field
          label="Username"
          name="username"
          autoComplete="username"
          required
          hint="3–24 letters, digits or underscores"
          defaultValue={actionData?.values.username}
          error={errors?.fields.username}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 10 characters"
          error={errors?.fields.password}
        />
        <SubmitButton pendingText="Creating account…">Sign up</SubmitButton>
      </Form>
      <AuthAlternative question="Already have an account?" to="/login">
        Log in
      </AuthAlternative>
    </AuthCard>
  );
}
