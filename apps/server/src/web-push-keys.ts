import { randomBytes } from "node:crypto";
import { link, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { generateWebPushKeys } from "@cryptotrade/api/server";
import type { Config } from "@cryptotrade/config";
import type { Logger } from "pino";
import { z } from "zod";

const KEY_FILE = "web-push-keys.json";

const KeyFile = z.object({
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{40,100}$/),
  privateKey: z.string().regex(/^[A-Za-z0-9_-]{40,100}$/),
});

/**
 * The config with Web Push keys (ADR 040): the configured VAPID pair when set; outside
 * production, otherwise, the pair kept in `DATA_DIR/web-push-keys.json`, generated on the
 * first start (mode 0600), so `pnpm start` delivers price alerts to closed apps with no setup.
 * In production without the variables push stays off and the app says so.
 *
 * @example
 * const config = await withWebPushKeys(await withSecretsKey(loadConfig(), log), log);
 */
export async function withWebPushKeys(config: Config, log: Logger): Promise<Config> {
  if (config.webPush) return config;
  if (config.production) {
    log.warn("WEB_PUSH_PUBLIC_KEY / WEB_PUSH_PRIVATE_KEY are not set: push notifications are off");
    return config;
  }
  const path = join(config.dataDir, KEY_FILE);
  const keys = KeyFile.parse(JSON.parse(await readOrCreateKeyFile(path)));
  log.warn({ path }, "WEB_PUSH_* is not set: Web Push is signed with the key pair in DATA_DIR");
  const subject = config.publicOrigin.startsWith("https://")
    ? config.publicOrigin
    : "mailto:operator@localhost";
  return { ...config, webPush: { ...keys, subject } };
}

async function readOrCreateKeyFile(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await mkdir(join(path, ".."), { recursive: true, mode: 0o700 });
  const content = `${JSON.stringify(generateWebPushKeys())}\n`;
  // Written whole under another name, then linked into place, as secrets-key.ts does: of two
  // processes starting at once one pair wins and nobody reads half a file.
  const draft = `${path}.${process.pid}.${randomBytes(4).toString("hex")}`;
  await writeFile(draft, content, { mode: 0o600, flag: "wx" });
  try {
    await link(draft, path);
    return content;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return await readFile(path, "utf8");
  } finally {
    await rm(draft, { force: true });
  }
}
