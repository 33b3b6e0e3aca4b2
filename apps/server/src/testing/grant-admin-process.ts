import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

const serverDir = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Runs `pnpm admin:grant` (`src/cli/grant-admin.ts` under tsx) as its own process against the
 * database named in `env`, as an operator would; resolves with its exit code and output.
 *
 * @example
 * const { code } = await runGrantAdmin({ DATABASE_URL: url }, ["ops@example.com"]);
 */
export function runGrantAdmin(
  env: Record<string, string>,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const inherited: Record<string, string> = {};
  for (const name of ["PATH", "HOME", "TMPDIR", "LANG", "USER"]) {
    const value = process.env[name];
    if (value) inherited[name] = value;
  }
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/cli/grant-admin.ts", ...args],
      { cwd: serverDir, env: { ...inherited, LOG_LEVEL: "warn", ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
