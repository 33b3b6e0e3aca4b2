/**
 * Limits the server enforces and clients respect, so both sides agree on one number.
 */

/**
 * The most procedure calls one HTTP request or WebSocket frame may batch. The server refuses
 * larger batches (400) and the typed clients split theirs to fit, so one request cannot fan out
 * into unbounded work.
 */
export const MAX_BATCH_SIZE = 50;

/** What an idempotency key may be: 1-64 letters, digits, or `_ : . -` (a UUID fits). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_:.-]{1,64}$/;

/** What a clientOrderId may be: the same alphabet as an idempotency key. */
export const CLIENT_ORDER_ID_PATTERN = /^[A-Za-z0-9_:.-]{1,64}$/;

/** The shortest password accepted; NIST 800-63B favours length over composition rules. */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

/** The most rows one page of a list returns. */
export const MAX_PAGE_SIZE = 500;
