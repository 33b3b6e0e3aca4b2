/** What a form action answers when a procedure refuses: messages per field, or one for the form. */
export interface FormErrors {
  fields: Record<string, string>;
  form: string | null;
}
