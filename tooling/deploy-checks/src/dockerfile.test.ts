import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { REPO_ROOT, repoPath } from "./repo";
import { workspaceClosure } from "./workspace-closure";

interface Stage {
  name: string;
  /** Instructions with their continuation lines joined, comments dropped. */
  lines: string[];
}

/** The Dockerfile's stages, in order. */
function readStages(path: string): Stage[] {
  const text = readFileSync(path, "utf8").replace(/\\\n/g, " ");
  const stages: Stage[] = [];
  for (const line of text.split("\n").map((l) => l.trim())) {
    if (line === "" || line.startsWith("#")) continue;
    const from = /^FROM\s+\S+(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) stages.push({ name: from[1] ?? `stage${stages.length}`, lines: [] });
    stages.at(-1)?.lines.push(line);
  }
  return stages;
}

/** The exec-form array of an instruction (`CMD ["node", ...]`). */
function execForm(line: string): string[] {
  return JSON.parse(line.replace(/^\S+\s+/, "")) as string[];
}

const stages = readStages(repoPath("docker/Dockerfile"));
const runtime = stages.at(-1) as Stage;
const instruction = (name: string) =>
  runtime.lines.filter((line) => line.toUpperCase().startsWith(`${name} `));

describe("docker/Dockerfile", () => {
  let built: string;
  beforeAll(() => {
    // The server build, into a directory of its own (a server may be running from dist/).
    built = mkdtempSync(join(tmpdir(), "ct-server-build-"));
    execFileSync(process.execPath, ["--import", "tsx", "scripts/build.ts", built], {
      cwd: `${REPO_ROOT}apps/server`,
      stdio: "pipe",
    });
  }, 120_000);
  afterAll(() => rmSync(built, { recursive: true, force: true }));

  it("runs the built server as the unprivileged node user, with a health check", () => {
    expect(runtime.name).toBe("runtime");
    expect(instruction("USER")).toEqual(["USER node"]);
    expect(instruction("HEALTHCHECK").join(" ")).toContain("/healthz");
    expect(instruction("ENTRYPOINT").map(execForm)).toEqual([["/usr/local/bin/server-entrypoint"]]);
    const [cmd] = instruction("CMD").map(execForm);
    expect(cmd?.[0]).toBe("node");
    expect(cmd?.at(-1)).toBe("dist/start.js");
  });

  it("holds no TypeScript sources, tests or tsx: only builds and production dependencies", () => {
    const copies = instruction("COPY");
    // From the build context only the entrypoint script; everything else comes from the build.
    const fromContext = copies.filter((line) => !line.includes("--from="));
    expect(fromContext).toEqual([
      "COPY docker/server-entrypoint.sh /usr/local/bin/server-entrypoint",
    ]);
    for (const line of copies) {
      expect(line).not.toMatch(/\/src\b|packages|tests?\b|tsx/);
    }
    const deploys = stages.flatMap((stage) => stage.lines).filter((l) => l.includes(" deploy "));
    expect(deploys.join(" ")).toContain("--filter @cryptotrade/server deploy --legacy --prod");
  });

  it("copies from the repository only paths that exist", () => {
    for (const stage of stages) {
      for (const line of stage.lines.filter((l) => /^COPY\s/i.test(l) && !l.includes("--from="))) {
        const sources = line.split(/\s+/).slice(1, -1);
        for (const source of sources) expect(() => repoPath(source), line).not.toThrow();
      }
    }
  });

  it("copies the manifest of every workspace package the web app's install needs", () => {
    // `pnpm install --frozen-lockfile --filter @cryptotrade/web...` refuses a lockfile whose
    // workspace packages it cannot find, so each one must be in the image before the install.
    const copied = new Set(
      (stages[0]?.lines ?? [])
        .filter((line) => /^COPY\s/i.test(line))
        .map((line) => line.split(/\s+/)[1]),
    );
    const missing = workspaceClosure("@cryptotrade/web")
      .map((dir) => `${dir}/package.json`)
      .filter((manifest) => !copied.has(manifest));
    expect(missing).toEqual([]);
  });

  it("starts files the server build writes, and so does the migration Job", () => {
    const [cmd] = instruction("CMD").map(execForm);
    const job = parse(readFileSync(repoPath("k8s/base/migrate-job.yaml"), "utf8")) as {
      spec: { template: { spec: { containers: { command: string[] }[] } } };
    };
    const migrate = job.spec.template.spec.containers[0]?.command ?? [];
    expect(migrate[0]).toBe("node");
    for (const script of [cmd?.at(-1), migrate.at(-1)]) {
      expect(script).toMatch(/^dist\//);
      expect(existsSync(join(built, (script ?? "").replace(/^dist\//, ""))), script).toBe(true);
    }
    // The migrations travel with the bundle: packages/db is not in the image.
    expect(existsSync(join(built, "drizzle", "meta", "_journal.json"))).toBe(true);
  });
});
