export * from "./alerts";
export * from "./commands";
export * from "./leadership";
export * from "./ledger";
export * from "./markets";
export * from "./trading";
export * from "./users";
