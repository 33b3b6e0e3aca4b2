import { useActionData, useFetcher } from "react-router";
import type { FormAnswer } from "./form-answer";

/**
 * A form sent by a fetcher (the page stays put) and its answer. Without JavaScript the form
 * posts to the page, and its answer comes back as the page's action data: the same answer,
 * found by its intent.
 *
 * @example
 * const { fetcher, answer, pending } = useFormFetcher("halt-market");
 */
export function useFormFetcher<Answer extends FormAnswer>(intent: string | readonly string[]) {
  const fetcher = useFetcher<Answer>();
  const pageAnswer = useActionData<Answer>();
  const intents: readonly string[] = typeof intent === "string" ? [intent] : intent;
  const answer =
    fetcher.data ?? (pageAnswer && intents.includes(pageAnswer.intent) ? pageAnswer : undefined);
  return { fetcher, answer, pending: fetcher.state !== "idle" };
}
