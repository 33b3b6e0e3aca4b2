/**
 * Thrown when the engine finds itself in a state its own code cannot produce. It is a bug,
 * never a business outcome (those are result codes): the caller should stop, not carry on
 * with a book it can no longer trust.
 */
export class EngineInvariantError extends Error {
  override readonly name = "EngineInvariantError";
}

/** Crashes on the impossible instead of papering over it with a default. */
export function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new EngineInvariantError(message);
}
