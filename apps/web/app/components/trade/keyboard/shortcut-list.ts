/** Every shortcut of the trade page, as the `?` dialog lists it: the keys, then what they do. */
export const TRADE_SHORTCUTS: ReadonlyArray<{ keys: string[]; action: string }> = [
  { keys: ["B"], action: "Buy: switch the order form to the buy side" },
  { keys: ["S"], action: "Sell: switch the order form to the sell side" },
  { keys: ["P"], action: "Focus the price" },
  { keys: ["A"], action: "Focus the amount" },
  { keys: ["Enter"], action: "Place the order (in the order form)" },
  { keys: ["Shift", "C"], action: "Cancel your most recent open order in this market" },
  { keys: ["M"], action: "Switch market" },
  { keys: ["?"], action: "Show these shortcuts" },
  { keys: ["Esc"], action: "Leave a text field, or close a dialog" },
];
