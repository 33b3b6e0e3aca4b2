import type { Config } from "@cryptotrade/config";
import type { Database } from "@cryptotrade/db/client";
import type { ApiKeyCache } from "./api-key-cache";
import type { RateLimits } from "./rate-limits";

/** What every part of the auth package works with; built once by `createAuthService`. */
export interface AuthDeps {
  db: Database;
  config: Pick<Config, "session" | "adminEmail">;
  limits: RateLimits;
  /** API keys looked up a moment ago, so a busy bot does not cost a query per call. */
  apiKeys: ApiKeyCache;
  /** The clock, in milliseconds; tests may move it. */
  now: () => number;
}
