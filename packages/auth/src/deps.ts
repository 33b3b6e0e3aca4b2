import type { Config } from "@cryptotrade/config";
import type { Database } from "@cryptotrade/db/client";
import type { ApiKeyCache } from "./api-key-cache";
import type { RateLimits } from "./rate-limits";
import type { RevocationFeed } from "./revocations";
import type { SecretBox } from "./secret-box";

/** What every part of the auth package works with; built once by `createAuthService`. */
export interface AuthDeps {
  db: Database;
  config: Pick<Config, "session">;
  limits: RateLimits;
  /** API keys looked up a moment ago, so a busy bot does not cost a query per call. */
  apiKeys: ApiKeyCache;
  /** Tells every process when a session or key stops working, so its sockets end at once. */
  revocations: RevocationFeed;
  /** The secrets keyring: encrypts TOTP secrets, signs device cookies. */
  secrets: SecretBox;
  /** The clock, in milliseconds; tests may move it. */
  now: () => number;
}
