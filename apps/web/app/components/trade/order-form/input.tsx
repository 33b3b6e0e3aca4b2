import { useId } from "react";
import { useErrorText } from "~/lib/i18n/error-text";
import { readTypedDecimal, writeTypedDecimal } from "~/lib/number-format";
import { useNumbers } from "~/lib/use-viewer";

interface AmountInputProps {
  label: string;
  /** The asset the amount is in, shown inside the field and read after the label. */
  unit: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  placeholder?: string;
}

/**
 * A labelled decimal input for an order amount. Its error sits under it and is tied to it
 * (aria-invalid, aria-describedby), so a screen reader hears it on focus.
 */
export function AmountInput({
  label,
  unit,
  value,
  onChange,
  error,
  placeholder,
}: AmountInputProps) {
  const id = useId();
  // The draft keeps a point before the fraction; the field shows and takes the locale's mark.
  const { separator } = useNumbers();
  const errorText = useErrorText();
  const unitId = `${id}-unit`;
  const errorId = `${id}-error`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-muted">
        {label}
      </label>
      <div className="flex items-stretch rounded-md border border-border bg-surface focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-focus has-aria-invalid:border-sell">
        <input
          id={id}
          name={label}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={writeTypedDecimal(value, separator)}
          placeholder={placeholder}
          onChange={(event) => onChange(readTypedDecimal(event.target.value, separator))}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${unitId} ${errorId}` : unitId}
          className="tabular min-w-0 flex-1 bg-transparent px-3 py-2 text-right text-text outline-none"
        />
        <span id={unitId} className="flex items-center pr-3 text-xs text-muted">
          {unit}
        </span>
      </div>
      {error ? (
        <p id={errorId} className="text-xs text-sell">
          <span aria-hidden="true">⚠ </span>
          {errorText(error)}
        </p>
      ) : null}
    </div>
  );
}
