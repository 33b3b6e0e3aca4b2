/** Every shortcut of the trade page, as the `?` dialog lists it: the keys, then what they do (its words in the "trade" namespace, shortcuts.*). */
export const TRADE_SHORTCUTS = [
  { keys: ["B"], action: "buy" },
  { keys: ["S"], action: "sell" },
  { keys: ["P"], action: "price" },
  { keys: ["A"], action: "amount" },
  { keys: ["Enter"], action: "place" },
  { keys: ["Shift", "C"], action: "cancelLast" },
  { keys: ["M"], action: "market" },
  { keys: ["?"], action: "help" },
  { keys: ["Esc"], action: "escape" },
] as const satisfies ReadonlyArray<{ keys: string[]; action: string }>;
