import type { Options } from "react-hotkeys-hook";

/** Input types a person types text into: letters there are text, not shortcuts. */
const TEXT_INPUTS = new Set([
  "text",
  "search",
  "email",
  "number",
  "password",
  "tel",
  "url",
  "date",
  "datetime-local",
  "month",
  "time",
  "week",
]);

/**
 * Whether a key press is typing (a text field, a text area, a select that jumps to what is
 * typed, an editable region) or meant for an open modal dialog: the trade page's shortcuts
 * stay out of both.
 *
 * @example
 * isTypingOrInDialog(new KeyboardEvent("keydown")) // false on the page itself
 */
function isTypingOrInDialog(event: KeyboardEvent): boolean {
  if (document.querySelector("dialog[open]")) return true;
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUTS.has(target.type);
}

/**
 * The options every trade-page shortcut is registered with: on anywhere but while typing or in
 * a dialog (radios, checkboxes, sliders and buttons are not typing), by the key's character
 * (so "?" is "?" on every layout), and the browser's own action for the key prevented.
 */
export const SHORTCUT_OPTIONS: Options = {
  enableOnFormTags: true,
  ignoreEventWhen: isTypingOrInDialog,
  preventDefault: true,
  useKey: true,
};
