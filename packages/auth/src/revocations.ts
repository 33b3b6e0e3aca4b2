import { z } from "zod";
import type { Credential } from "./principal";

/**
 * A credential that just stopped working. Every process hears it (through the bus the app
 * gives the auth service), so each can end the sockets that still carry it and forget what it
 * cached about it.
 */
export const CredentialRevocation = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("session"),
    sessionId: z.string().min(1).max(64),
    reason: z.string(),
  }),
  z.object({ kind: z.literal("apiKey"), keyId: z.string().min(1).max(64), reason: z.string() }),
  /** Every session of a user but one (a password or 2FA change): their standing has changed. */
  z.object({
    kind: z.literal("userSessions"),
    userId: z.number().int(),
    exceptSessionId: z.string().max(64).nullable(),
    reason: z.string(),
  }),
]);
export type CredentialRevocation = z.infer<typeof CredentialRevocation>;

/**
 * The slice of an event bus revocations travel on: the exchange's in-process bus, or Redis
 * pub/sub shared by every replica. Messages arrive untyped: they crossed a process boundary.
 */
export interface RevocationBus {
  publish(channel: string, message: unknown): void;
  subscribe(channel: string, handler: (message: unknown) => void): () => void;
}

const CHANNEL = "credential-revocations";

/** Tells every process about revoked credentials and hands them to local listeners. */
export class RevocationFeed {
  private readonly listeners = new Set<(revocation: CredentialRevocation) => void>();
  private readonly stopListening: () => void;

  constructor(
    private readonly bus: RevocationBus,
    onInvalid: (message: unknown) => void,
  ) {
    this.stopListening = bus.subscribe(CHANNEL, (message) => {
      const parsed = CredentialRevocation.safeParse(message);
      if (!parsed.success) return onInvalid(message);
      for (const listener of this.listeners) listener(parsed.data);
    });
  }

  publish(revocation: CredentialRevocation): void {
    this.bus.publish(CHANNEL, revocation);
  }

  /** Calls `listener` for every revocation from any process; returns a function that stops it. */
  listen(listener: (revocation: CredentialRevocation) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.listeners.clear();
    this.stopListening();
  }
}

/** Whether `revocation` ends `credential` of user `userId`. */
export function revokes(
  revocation: CredentialRevocation,
  userId: number,
  credential: Credential,
): boolean {
  switch (revocation.kind) {
    case "session":
      return credential.kind === "session" && credential.sessionId === revocation.sessionId;
    case "apiKey":
      return credential.kind === "apiKey" && credential.keyId === revocation.keyId;
    case "userSessions":
      return (
        credential.kind === "session" &&
        userId === revocation.userId &&
        credential.sessionId !== revocation.exceptSessionId
      );
  }
}

/** A bus for one process, when the app gives none (scripts, unit tests). */
export function createLocalRevocationBus(): RevocationBus {
  const handlers = new Map<string, Set<(message: unknown) => void>>();
  return {
    publish(channel, message) {
      const set = handlers.get(channel);
      if (!set) return;
      // Like the exchange's bus: never run listeners inside the revoking call.
      queueMicrotask(() => {
        for (const handler of set) handler(message);
      });
    },
    subscribe(channel, handler) {
      const set = handlers.get(channel) ?? new Set();
      handlers.set(channel, set);
      set.add(handler);
      return () => set.delete(handler);
    },
  };
}
