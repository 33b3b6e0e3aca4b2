import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseConfig } from "@cryptotrade/config";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { withSecretsKey } from "./secrets-key";

const log = pino({ level: "silent" });

describe("the embedded secrets key", () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });
  const dataDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), "ct-secrets-"));
    dirs.push(dir);
    return join(dir, "data");
  };

  it("is generated once into DATA_DIR, readable only by its owner, and reused", async () => {
    const dir = await dataDir();
    const config = parseConfig({ DATA_DIR: dir });
    const [first, again] = await Promise.all([
      withSecretsKey(config, log),
      withSecretsKey(config, log),
    ]);
    const file = join(dir, "secrets.key");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(first.secrets.keys).toHaveLength(1);
    expect(first.secrets.keys[0]?.id).toBe("local");
    expect(first.secrets.keys[0]?.key).toHaveLength(32);
    expect(again.secrets.keys).toEqual(first.secrets.keys);
    expect((await withSecretsKey(config, log)).secrets.keys).toEqual(first.secrets.keys);
    // The file holds a SECRETS_KEYS value, so it can be carried into a managed keyring.
    const carried = parseConfig({ SECRETS_KEYS: (await readFile(file, "utf8")).trim() });
    expect(carried.secrets.keys).toEqual(first.secrets.keys);
  });

  it("is not generated when SECRETS_KEYS is set", async () => {
    const dir = await dataDir();
    const config = parseConfig({
      DATA_DIR: dir,
      SECRETS_KEYS: `prod:${Buffer.alloc(32, 7).toString("base64")}`,
    });
    expect((await withSecretsKey(config, log)).secrets.keys.map((k) => k.id)).toEqual(["prod"]);
    await expect(stat(join(dir, "secrets.key"))).rejects.toThrow();
  });
});
