import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateWebPushKeys } from "@cryptotrade/api/server";
import { ConfigError, parseConfig } from "@cryptotrade/config";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { withWebPushKeys } from "./web-push-keys";

const log = pino({ level: "silent" });

describe("the Web Push keys", () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });
  const dataDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), "ct-web-push-"));
    dirs.push(dir);
    return join(dir, "data");
  };

  it("are generated once into DATA_DIR outside production, readable only by the owner, and reused", async () => {
    const config = parseConfig({ DATA_DIR: await dataDir() });
    expect(config.webPush).toBeUndefined();
    const [first, again] = await Promise.all([
      withWebPushKeys(config, log),
      withWebPushKeys(config, log),
    ]);
    expect((await stat(join(config.dataDir, "web-push-keys.json"))).mode & 0o777).toBe(0o600);
    expect(first.webPush?.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(first.webPush?.privateKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.webPush?.subject).toBe("mailto:operator@localhost");
    expect(again.webPush).toEqual(first.webPush);
    expect((await withWebPushKeys(config, log)).webPush).toEqual(first.webPush);
  });

  it("come from the configuration when set, and push is off in production without them", async () => {
    const pair = generateWebPushKeys();
    const configured = parseConfig({
      DATA_DIR: await dataDir(),
      WEB_PUSH_PUBLIC_KEY: pair.publicKey,
      WEB_PUSH_PRIVATE_KEY: pair.privateKey,
      WEB_PUSH_SUBJECT: "mailto:ops@example.com",
    });
    expect((await withWebPushKeys(configured, log)).webPush).toEqual({
      ...pair,
      subject: "mailto:ops@example.com",
    });
    const production = parseConfig({
      NODE_ENV: "production",
      ALLOW_INSECURE_PRODUCTION: "true",
      DATA_DIR: await dataDir(),
    });
    expect((await withWebPushKeys(production, log)).webPush).toBeUndefined();
    // Half a pair is refused at start, naming the missing half.
    expect(() => parseConfig({ WEB_PUSH_PUBLIC_KEY: pair.publicKey })).toThrow(ConfigError);
    expect(() => parseConfig({ WEB_PUSH_PUBLIC_KEY: pair.publicKey })).toThrow(
      /WEB_PUSH_PRIVATE_KEY/,
    );
  });
});
