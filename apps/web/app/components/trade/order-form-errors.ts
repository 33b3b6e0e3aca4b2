import { describeUnansweredCall } from "~/lib/unanswered-call";
import type { DraftField, FieldErrors } from "./order-form-model";

/** The API's field names (zod paths and message prefixes) → the form's inputs. */
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

/**
 * Places the server's refusal at the field it is about: zod's `data.fieldErrors`, or a
 * domain message that starts with the field's name (`price: must be …`, docs/api.md
 * Conventions). "Insufficient …" belongs to the amount; anything else is the form's.
 */
export function readRefusal(error: unknown, amountField: DraftField): ServerRefusal {
  const unanswered = describeUnansweredCall(error, "order");
  if (unanswered) return { fields: {}, form: unanswered };
  const failure = error as { message?: unknown; data?: { fieldErrors?: unknown } } | null;
  const message = typeof failure?.message === "string" ? failure.message : "The order failed";
  const fields: FieldErrors = {};
  const zodFields = failure?.data?.fieldErrors;
  if (zodFields && typeof zodFields === "object") {
    for (const [name, text] of Object.entries(zodFields as Record<string, unknown>)) {
      const field = FIELD_OF[name];
      if (field && typeof text === "string") fields[field] = sentence(text);
    }
    if (Object.keys(fields).length > 0) return { fields, form: null };
  }
  const prefixed = /^([A-Za-z]+): (.+)$/s.exec(message);
  const field = prefixed ? FIELD_OF[prefixed[1] ?? ""] : undefined;
  if (field && prefixed?.[2]) return { fields: { [field]: sentence(prefixed[2]) }, form: null };
  if (/^Insufficient /.test(message)) return { fields: { [amountField]: message }, form: null };
  return { fields, form: message };
}

/** "must be a multiple…" → "Must be a multiple…". */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
