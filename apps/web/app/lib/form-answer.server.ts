import type { Submission } from "@conform-to/react";
import { type AppLoadContext, data } from "react-router";
import type { FormAnswer } from "./form-answer";
import { readActionRefusal } from "./form-errors.server";
import { type FieldOfReason, toFormRefusal } from "./refusal";

/** Passwords never travel back to the page in a reply. */
const SECRET_FIELDS = ["currentPassword", "newPassword", "confirmPassword", "password"];

/**
 * Answers one form: refuses it as its schema did, else runs the change and answers with what
 * `run` returns, or with the procedure's refusal placed by reason and field.
 *
 * @example
 * return answerForm(context, "halt-market", parseForm(formData, MarketInput), async ({ symbol }) => {
 *   await context.trpc.admin.haltMarket({ symbol });
 *   return { done: `${symbol} is now halted.` };
 * });
 */
export async function answerForm<Intent extends string, Output, Outcome extends object>(
  context: AppLoadContext,
  intent: Intent,
  submission: Submission<unknown, string[], Output>,
  run: (form: Output) => Promise<Outcome & { done?: string }>,
  fieldOfReason: FieldOfReason = {},
): Promise<FormAnswer<Intent> | (FormAnswer<Intent> & Outcome)> {
  if (submission.status !== "success") {
    return { intent, result: submission.reply({ hideFields: SECRET_FIELDS }) };
  }
  try {
    const outcome = await run(submission.value);
    return { intent, result: submission.reply({ resetForm: true }), ...outcome };
  } catch (error) {
    const refusal = readActionRefusal(context, error);
    if (refusal.reason === "REAUTHENTICATION_REQUIRED") {
      return {
        intent,
        result: submission.reply({ hideFields: SECRET_FIELDS }),
        needsConfirmation: true,
      };
    }
    const placed = toFormRefusal(refusal, fieldOfReason);
    return { intent, result: submission.reply({ ...placed, hideFields: SECRET_FIELDS }) };
  }
}

/** The answer as the action's response: 400 when refused, so nothing is revalidated. */
export function respond<Answer extends FormAnswer>(answer: Answer) {
  const refused = answer.needsConfirmation || answer.result.status === "error";
  return data(answer, { status: refused ? 400 : 200 });
}
