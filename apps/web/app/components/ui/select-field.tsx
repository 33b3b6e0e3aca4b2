import type { SelectHTMLAttributes } from "react";
import { CONTROL_CLASS, type FieldError, FieldFrame } from "./field-frame";

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> {
  label: string;
  name: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  error?: FieldError;
  hint?: string | undefined;
}

/** A labelled select whose error is tied to it, like `Field`. */
export function SelectField({ label, name, options, error, hint, ...select }: SelectFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {(wiring) => (
        <select name={name} className={CONTROL_CLASS} {...select} {...wiring}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
