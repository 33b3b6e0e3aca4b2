import { randomBytes } from "node:crypto";
import type { LimiterStore } from "@cryptotrade/auth";

/** Binance's listen keys live 60 minutes from their creation or last keepalive (PUT). */
export const LISTEN_KEY_LIFETIME_MS = 60 * 60 * 1000;

/** Whose user data a listen key opens: the key's owner, through the API key that made it. */
export interface ListenKeyOwner {
  userId: number;
  apiKeyId: string;
}

interface Entry {
  owner: ListenKeyOwner;
  expiresAt: number;
}

/** A listen key is 60 letters and digits, as Binance's; never a stream name (those have `@`). */
const LISTEN_KEY = /^[A-Za-z0-9]{60}$/;

/**
 * True when `text` has the shape of a listen key.
 *
 * @example
 * isListenKeyShaped("btcusdt@trade") // false
 */
export function isListenKeyShaped(text: string): boolean {
  return LISTEN_KEY.test(text);
}

/**
 * Binance's listen keys (`/api/v3/userDataStream`): in Redis when there is one, so a key made
 * through one replica opens a stream on any other, in this process's memory otherwise (the
 * embedded mode), as the rate limits choose. Each API key has at most one live listen key:
 * asking again answers the same key and extends it, as Binance does. The clock is injectable
 * so expiry is testable without waiting an hour.
 *
 * @example
 * const keys = new ListenKeys({ redis, keyPrefix: "cryptotrade" });
 * const listenKey = await keys.create({ userId: 7, apiKeyId: "abc" });
 */
export class ListenKeys {
  private readonly memory = new Map<string, string>();

  constructor(
    private readonly store: LimiterStore = { keyPrefix: "cryptotrade" },
    private readonly now: () => number = Date.now,
  ) {}

  /** The API key's live listen key, extended, or a new one. */
  async create(owner: ListenKeyOwner): Promise<string> {
    const existing = await this.read(this.byApiKey(owner.apiKeyId));
    const listenKey =
      existing && (await this.find(existing))?.owner.apiKeyId === owner.apiKeyId
        ? existing
        : randomBytes(30).toString("hex");
    await this.write(listenKey, owner);
    return listenKey;
  }

  /** Extends a live listen key of `owner` by another 60 minutes; false when it is not one. */
  async keepAlive(listenKey: string, owner: ListenKeyOwner): Promise<boolean> {
    const entry = await this.find(listenKey);
    if (!entry || entry.owner.apiKeyId !== owner.apiKeyId) return false;
    await this.write(listenKey, owner);
    return true;
  }

  /** Ends a listen key of `owner` (its streams close); false when it is not one. */
  async close(listenKey: string, owner: ListenKeyOwner): Promise<boolean> {
    const entry = await this.find(listenKey);
    if (!entry || entry.owner.apiKeyId !== owner.apiKeyId) return false;
    if (this.store.redis) {
      await this.store.redis.del(this.entryKey(listenKey), this.byApiKey(owner.apiKeyId));
    } else {
      this.memory.delete(this.entryKey(listenKey));
      this.memory.delete(this.byApiKey(owner.apiKeyId));
    }
    return true;
  }

  /** The live listen key's owner and expiry; undefined when unknown, closed or expired. */
  async find(listenKey: string): Promise<Entry | undefined> {
    if (!isListenKeyShaped(listenKey)) return undefined;
    const stored = await this.read(this.entryKey(listenKey));
    if (!stored) return undefined;
    const entry = JSON.parse(stored) as Entry;
    return entry.expiresAt > this.now() ? entry : undefined;
  }

  private async write(listenKey: string, owner: ListenKeyOwner): Promise<void> {
    const entry: Entry = { owner, expiresAt: this.now() + LISTEN_KEY_LIFETIME_MS };
    const text = JSON.stringify(entry);
    if (this.store.redis) {
      await this.store.redis
        .multi()
        .set(this.entryKey(listenKey), text, "PX", LISTEN_KEY_LIFETIME_MS)
        .set(this.byApiKey(owner.apiKeyId), listenKey, "PX", LISTEN_KEY_LIFETIME_MS)
        .exec();
      return;
    }
    // Memory entries are read through `find`, which drops what has expired; a process keeps
    // at most one per API key, so nothing piles up.
    this.memory.set(this.entryKey(listenKey), text);
    this.memory.set(this.byApiKey(owner.apiKeyId), listenKey);
  }

  private async read(key: string): Promise<string | undefined> {
    if (this.store.redis) return (await this.store.redis.get(key)) ?? undefined;
    return this.memory.get(key);
  }

  private entryKey(listenKey: string): string {
    return `${this.store.keyPrefix}:binance-listen-key:${listenKey}`;
  }

  private byApiKey(apiKeyId: string): string {
    return `${this.store.keyPrefix}:binance-listen-key-of:${apiKeyId}`;
  }
}
