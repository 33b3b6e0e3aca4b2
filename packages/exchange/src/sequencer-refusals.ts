import { ExchangeError } from "./errors";

/*
 * The sequencer's answers when it does nothing with a command. Each is UNAVAILABLE, so the
 * caller knows nothing was done and a retry is safe.
 */

/**
 * The queue is at its bound: the exchange is busy. The caller is refused at once rather than
 * queued behind more work than it could wait for.
 */
export function exchangeBusy(): ExchangeError {
  return new ExchangeError("UNAVAILABLE", "The exchange is busy; nothing was done, please retry", {
    reason: "EXCHANGE_BUSY",
  });
}

export function shuttingDown(): ExchangeError {
  return new ExchangeError("UNAVAILABLE", "The exchange is shutting down");
}

export function rebuilding(): ExchangeError {
  return new ExchangeError(
    "UNAVAILABLE",
    "The exchange is recovering from a failed write; nothing was done, please retry",
  );
}

export function writeRefused(): ExchangeError {
  return new ExchangeError(
    "UNAVAILABLE",
    "The exchange could not record this; nothing was done, please retry",
  );
}
