import type { SubmissionResult } from "@conform-to/react";

/**
 * What a page's action answers one of its forms with: Conform's result (errors placed by
 * reason and field), and what was done, said once.
 */
export interface FormAnswer<Intent extends string = string> {
  intent: Intent;
  result: SubmissionResult<string[]>;
  done?: string;
  /** The change waits for "Confirm access" (ADR 022); nothing was changed. */
  needsConfirmation?: true;
}

/** The answer's refusal for the whole form, if it has one. */
export function formErrorOf(answer: FormAnswer | undefined): string | undefined {
  return answer?.result.error?.[""]?.[0];
}
