import { plainWords } from "~/lib/error-words";
import { describeUnansweredCall } from "~/lib/unanswered-call";
import type { DraftField, FieldErrors } from "./model";

/** The API's field names (`data.field`, zod's `data.fieldErrors`) → the form's inputs. */
const FIELD_OF: Record<string, DraftField> = {
  price: "price",
  stopPrice: "stopPrice",
  trailingDelta: "trailingDelta",
  quantity: "quantity",
  quoteQuantity: "total",
  timeInForce: "timeInForce",
  postOnly: "postOnly",
  ocoWith: "ocoWith",
};

export interface ServerRefusal {
  fields: FieldErrors;
  /** A refusal about no one field, for the form's alert. */
  form: string | null;
}

interface RefusalData {
  reason?: unknown;
  field?: unknown;
  fieldErrors?: unknown;
}

/**
 * Places the server's refusal at the field it is about, from the error's `data` (docs/api.md
 * Errors), never from its words: zod's `fieldErrors`, else `field`; a balance refusal belongs
 * to the amount; anything else is the form's.
 */
export function readRefusal(error: unknown, amountField: DraftField): ServerRefusal {
  const unanswered = describeUnansweredCall(error, "order");
  if (unanswered) return { fields: {}, form: unanswered };
  const failure = error as { message?: unknown; data?: RefusalData } | null;
  const message =
    typeof failure?.message === "string" ? plainWords(failure.message) : "The order failed";
  const data = failure?.data ?? {};
  const fields: FieldErrors = {};
  if (data.fieldErrors && typeof data.fieldErrors === "object") {
    for (const [name, text] of Object.entries(data.fieldErrors as Record<string, unknown>)) {
      const field = FIELD_OF[name];
      if (field && typeof text === "string") fields[field] = sentence(text);
    }
    if (Object.keys(fields).length > 0) return { fields, form: null };
  }
  const field = typeof data.field === "string" ? FIELD_OF[data.field] : undefined;
  if (field) return { fields: { [field]: message }, form: null };
  if (data.reason === "INSUFFICIENT_BALANCE") {
    return { fields: { [amountField]: message }, form: null };
  }
  return { fields, form: message };
}

/** zod's "required" → "Required". */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
