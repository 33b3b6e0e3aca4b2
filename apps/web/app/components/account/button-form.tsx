import { type FormEvent, useState } from "react";
import { FormAlert } from "~/components/form-alert";
import { StatusButton } from "~/components/ui/status-button";
import { readCallErrors } from "./mutation-errors";

/** A form of one submit button that runs `run()`; the server's refusal shows above it. */
export function ButtonForm({
  submitText,
  pendingText,
  tone,
  run,
}: {
  submitText: string;
  pendingText: string;
  tone?: "primary" | "danger" | "plain";
  run: () => Promise<void>;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await run();
    } catch (failure) {
      setError(readCallErrors(failure).form ?? "Something went wrong");
    } finally {
      setPending(false);
    }
  }
  return (
    <form onSubmit={submit} className="flex flex-col items-start gap-3">
      <FormAlert message={error} />
      <StatusButton pending={pending} pendingText={pendingText} tone={tone}>
        {submitText}
      </StatusButton>
    </form>
  );
}
