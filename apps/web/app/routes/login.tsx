import { data, Form, redirect, useSearchParams } from "react-router";
import { AuthAlternative } from "~/components/auth-alternative";
import { AuthCard } from "~/components/auth-card";
import { EmailField } from "~/components/email-field";
import { FormAlert } from "~/components/form-alert";
import { SubmitButton } from "~/components/submit-button";
import { Field } from "~/components/ui/field";
import { toFormErrors } from "~/lib/form-errors.server";
import { safeRedirect } from "~/lib/safe-redirect";
import { requireAnonymous } from "~/lib/session.server";
import type { Route } from "./+types/login";

export const meta: Route.MetaFunction = () => [{ title: "Log in · CryptoTrade" }];

export async function loader({ context }: Route.LoaderArgs) {
  await requireAnonymous(context);
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const input = {
    email: String(form.get("email") ?? ""),
    password: String(form.get("password") ?? ""),
  };
  const redirectTo = safeRedirect(form.get("redirectTo"));
  let twoFactorRequired: boolean;
  try {
    ({ twoFactorRequired } = await context.trpc.auth.login(input));
  } catch (error) {
    // Wrong email or password is one answer (UNAUTHORIZED), shown at the password.
    const errors = toFormErrors(context, error, (shape) =>
      shape.data.code === "UNAUTHORIZED" ? "password" : undefined,
    );
    return data({ errors, values: { email: input.email } }, 400);
  }
  if (twoFactorRequired) {
    throw redirect(`/login/2fa?redirectTo=${encodeURIComponent(redirectTo)}`);
  }
  throw redirect(redirectTo);
}

export default function LogIn({ actionData }: Route.ComponentProps) {
  const [searchParams] = useSearchParams();
  const errors = actionData?.errors;
  return (
    <AuthCard title="Log in">
      <Form method="post" className="flex flex-col gap-4" noValidate>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        {searchParams.has("ended") && !errors ? (
          <p role="status" className="rounded-md border border-border px-3 py-2 text-sm">
            Your session was ended from another device or by a security change. Log in again.
          </p>
        ) : null}
        <FormAlert message={errors?.form} />
        <EmailField defaultValue={actionData?.values.email} error={errors?.fields.email} />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={errors?.fields.password}
        />
        <SubmitButton pendingText="Logging in…">Log in</SubmitButton>
      </Form>
      <AuthAlternative question="New here?" to="/signup">
        Create an account
      </AuthAlternative>
    </AuthCard>
  );
}
