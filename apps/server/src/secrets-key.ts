import { randomBytes } from "node:crypto";
import { link, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type Config, parseSecretsKeys } from "@cryptotrade/config";
import type { Logger } from "pino";

/** The id of the key the server generates for itself; keep it in SECRETS_KEYS when moving on. */
const GENERATED_KEY_ID = "local";
const KEY_FILE = "secrets.key";

/**
 * The config with a secrets keyring: `SECRETS_KEYS` when set, otherwise the key kept in
 * `DATA_DIR/secrets.key`, generated on the first start (file mode 0600). Its content is a
 * `SECRETS_KEYS` value, so moving to a managed key means putting the new key first and this
 * file's line after it.
 *
 * @example
 * const config = await withSecretsKey(loadConfig(), log);
 */
export async function withSecretsKey(config: Config, log: Logger): Promise<Config> {
  if (config.secrets.keys.length > 0) return config;
  const path = join(config.dataDir, KEY_FILE);
  const keys = parseSecretsKeys(await readOrCreateKeyFile(path));
  log.warn(
    { path },
    "SECRETS_KEYS is not set: TOTP secrets are encrypted with the key in DATA_DIR",
  );
  return { ...config, secrets: { keys } };
}

async function readOrCreateKeyFile(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  // Owner-only whatever the umask (tests and embedders call this without loadConfig).
  await mkdir(join(path, ".."), { recursive: true, mode: 0o700 });
  const line = `${GENERATED_KEY_ID}:${randomBytes(32).toString("base64")}\n`;
  // Written whole under another name, then linked into place: of two processes starting at
  // once, one key wins and nobody ever reads a half-written file.
  const draft = `${path}.${process.pid}.${randomBytes(4).toString("hex")}`;
  await writeFile(draft, line, { mode: 0o600, flag: "wx" });
  try {
    await link(draft, path);
    return line;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return await readFile(path, "utf8");
  } finally {
    await rm(draft, { force: true });
  }
}
