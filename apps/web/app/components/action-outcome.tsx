import { FormAlert } from "./form-alert";

/** What became of the last action on a list: its refusal as an alert, or what it did. */
export function ActionOutcome({ error, done }: { error: string | null; done: string | null }) {
  return (
    <>
      <FormAlert message={error} />
      <p role="status" className="text-sm text-buy">
        {done}
      </p>
    </>
  );
}
