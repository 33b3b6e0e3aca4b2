import { useForm } from "@conform-to/react";
import { parseForm } from "~/lib/forms";
import { useFormFetcher } from "~/lib/use-form-fetcher";
import type { WalletActionResult } from "./action-result";
import { DepositInput, WithdrawInput } from "./wallet-forms";

/**
 * One wallet form: validated in the browser with the schema the action reads it with, sent by
 * a fetcher (the page keeps its filters and scroll); without JavaScript its answer comes back
 * as the page's action data.
 */
export function useWalletForm(intent: "deposit" | "withdraw") {
  const { fetcher, answer, pending } = useFormFetcher<WalletActionResult>(intent);
  const schema = intent === "deposit" ? DepositInput : WithdrawInput;
  const [form, fields] = useForm({
    id: intent,
    lastResult: answer?.result,
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseForm(formData, schema),
  });
  return { fetcher, form, fields, answer, pending };
}
