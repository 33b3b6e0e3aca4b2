import { useForm } from "@conform-to/react";
import { useEffect, useRef, useState } from "react";
import type { input, output } from "zod/v4/core";
import { formErrorOf } from "~/lib/form-answer";
import { type FormSchema, parseForm } from "~/lib/forms";
import { useFormFetcher } from "~/lib/use-form-fetcher";
import { whileCredentialChanges } from "~/trpc/session-end";
import type { AccountAnswer } from "./account-action.server";
import type { AccountIntent, ButtonOnlyInput } from "./account-forms";
import { useConfirmAccess } from "./confirm-access-context";

/** What a form says when the person closed "Confirm access" instead of confirming. */
const NOT_CONFIRMED = "Access was not confirmed, so nothing was changed";

/**
 * One form of the account page: a Conform form validated in the browser with `schema` (the
 * one the action reads it with), sent by a fetcher so the page stays put. Without JavaScript
 * the form posts to the page and its answer comes back as the page's action data.
 *
 * A change the server holds for "Confirm access" opens that dialog, then is sent again as it
 * was; `replacesCredential` marks the change that gives this session a new token (ADR 022).
 *
 * @example
 * const { form, fields, fetcher, answer, pending } = useAccountForm("change-password", ChangePasswordInput);
 * <fetcher.Form method="post" {...getFormProps(form)}>…</fetcher.Form>
 */
export function useAccountForm<Schema extends FormSchema = typeof ButtonOnlyInput>(
  intent: AccountIntent,
  schema?: Schema,
  options: { replacesCredential?: boolean } = {},
) {
  const { fetcher, answer } = useFormFetcher<AccountAnswer>(intent);
  const confirmAccess = useConfirmAccess();
  const [notConfirmed, setNotConfirmed] = useState(false);
  const lastSent = useRef<FormData | null>(null);
  const asked = useRef<AccountAnswer | null>(null);

  async function send(formData: FormData): Promise<void> {
    lastSent.current = formData;
    const sent = fetcher.submit(formData, { method: "post", action: "/account" });
    await (options.replacesCredential ? whileCredentialChanges(sent) : sent);
  }

  const [form, fields] = useForm<input<Schema>, output<Schema>>({
    id: intent,
    lastResult: answer?.result,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    ...(schema ? { onValidate: ({ formData }) => parseForm(formData, schema) } : {}),
    async onSubmit(event, { formData }) {
      event.preventDefault();
      setNotConfirmed(false);
      await send(formData);
    },
  });

  // A held change asks once per answer, then goes again as it was sent.
  const held = fetcher.state === "idle" ? fetcher.data : undefined;
  useEffect(() => {
    if (!held?.needsConfirmation || asked.current === held) return;
    asked.current = held;
    void confirmAccess().then((confirmed) => {
      if (!confirmed) setNotConfirmed(true);
      else if (lastSent.current) void send(lastSent.current);
    });
  });

  return {
    fetcher,
    form,
    fields,
    answer,
    pending: fetcher.state !== "idle",
    /** The form's refusal, or that access was not confirmed. */
    formError: notConfirmed ? NOT_CONFIRMED : (form.errors?.[0] ?? formErrorOf(answer)),
  };
}

/** One account form as `useAccountForm` gives it, for a component that draws it. */
export type AccountForm<Schema extends FormSchema> = ReturnType<typeof useAccountForm<Schema>>;
