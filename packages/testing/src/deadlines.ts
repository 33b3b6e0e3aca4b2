/**
 * `promise`, or a rejection with `message` after `ms`: a bench or test that must not hang.
 *
 * @example
 * const exit = await within(server.kill("SIGTERM"), 30_000, "the server did not stop");
 */
export function within<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Polls `check` every 50 ms until it is true; throws naming `what` once `ms` have passed. Use
 * it where the wait is longer or shorter than `eventually`'s ten seconds (a failover, a restart).
 *
 * @example
 * await waitFor(() => !server.alive(), 5_000, "the server to exit");
 */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  ms: number,
  what: string,
): Promise<void> {
  const deadline = performance.now() + ms;
  while (performance.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
