import { data, Form, Link, redirect, useSearchParams } from "react-router";
import { AuthCard } from "~/components/auth-card";
import { FormAlert } from "~/components/form-alert";
import { SubmitButton } from "~/components/submit-button";
import { Field } from "~/components/ui/field";
import { toFormErrors } from "~/lib/form-errors.server";
import { safeRedirect } from "~/lib/safe-redirect";
import { getUser } from "~/lib/session.server";
import type { Route } from "./+types/login.2fa";

export const meta: Route.MetaFunction = () => [{ title: "Two-factor code · CryptoTrade" }];

/** Only a session that passed the password and still owes its second factor belongs here. */
export async function loader({ context }: Route.LoaderArgs) {
  const user = await getUser(context);
  if (!user) throw redirect("/login");
  if (!user.twoFactorPending) throw redirect("/");
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const code = String(form.get("code") ?? "");
  const recovery = form.get("method") === "recovery";
  try {
    if (recovery) await context.trpc.auth.verifyRecoveryCode({ code });
    else await context.trpc.auth.verifyTotp({ code });
  } catch (error) {
    // A wrong or reused code is the code field's problem; anything else is the form's.
    const errors = toFormErrors(context, error, (shape) =>
      shape.data.code === "UNAUTHORIZED" || shape.data.code === "BAD_REQUEST" ? "code" : undefined,
    );
    return data({ errors }, 400);
  }
  throw redirect(safeRedirect(form.get("redirectTo")));
}

export default function TwoFactor({ actionData }: Route.ComponentProps) {
  const [searchParams] = useSearchParams();
  const recovery = searchParams.has("recovery");
  const redirectTo = searchParams.get("redirectTo") ?? "/";
  const errors = actionData?.errors;
  const other = new URLSearchParams(searchParams);
  if (recovery) other.delete("recovery");
  else other.set("recovery", "1");
  return (
    <AuthCard title="Two-factor authentication">
      <Form method="post" className="flex flex-col gap-4" noValidate>
        <input type="hidden" name="method" value={recovery ? "recovery" : "totp"} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <FormAlert message={errors?.form} />
        {recovery ? (
          <Field
            key="recovery"
            label="Recovery code"
            name="code"
            autoComplete="off"
            required
            hint="One of the codes you saved when you turned on two-factor authentication"
            error={errors?.fields.code}
          />
        ) : (
          <Field
            key="totp"
            label="Authentication code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            required
            hint="The 6-digit code from your authenticator app"
            error={errors?.fields.code}
          />
        )}
        <SubmitButton pendingText="Checking…">Verify</SubmitButton>
      </Form>
      <p className="mt-4 text-sm">
        <Link to={`?${other.toString()}`} className="text-accent underline">
          {recovery ? "Use your authenticator app instead" : "Use a recovery code instead"}
        </Link>
      </p>
      <Form method="post" action="/logout" className="mt-2">
        <button type="submit" className="text-sm text-muted underline">
          Cancel and sign out
        </button>
      </Form>
    </AuthCard>
  );
}
