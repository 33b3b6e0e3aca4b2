/**
 * The most procedure calls one HTTP request may batch. The server refuses larger batches
 * (400) and the typed client splits its batches to fit, so one request cannot fan out into
 * unbounded work.
 */
export const MAX_BATCH_SIZE = 50;
