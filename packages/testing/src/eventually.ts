/**
 * Waits until `check` holds, polling every 25 ms for up to 10 s, then fails naming `what`.
 * Tests wait for an outcome this way, never for a length of time.
 *
 * @example
 * await eventually(() => socket.closes.length > 0, "the socket to close");
 */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  what: string,
): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}
