// `pnpm --filter @cryptotrade/server build`: bundles the server into dist/ (ADR 019). The
// workspace packages (@cryptotrade/*, TypeScript source) are inlined; every npm package stays an
// import, resolved from apps/server/node_modules at run time, so each must be a dependency of
// this package (checked below). The migrations are copied beside the bundle, which no longer
// sits where packages/db looks for them (src/server-files.ts).

import { cp, readFile, rm } from "node:fs/promises";
import { builtinModules } from "node:module";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

const serverDir = fileURLToPath(new URL("..", import.meta.url));
// Another directory may be named (the deployment checks build into a temporary one).
const outdir = resolve(serverDir, process.argv[2] ?? "dist");
/** Loaded only by `--dev` (Vite's middleware), which the built server never runs with. */
const DEV_ONLY = new Set(["vite"]);

const manifest = JSON.parse(await readFile(join(serverDir, "package.json"), "utf8")) as {
  dependencies?: Record<string, string>;
};
const dependencies = new Set(Object.keys(manifest.dependencies ?? {}));
const imported = new Set<string>();

await rm(outdir, { recursive: true, force: true });
const started = performance.now();
await build({
  absWorkingDir: serverDir,
  entryPoints: [
    "src/start.ts",
    "src/cli/migrate.ts",
    "src/cli/grant-admin.ts",
    "src/cli/check-invariants.ts",
  ],
  outbase: "src",
  outdir,
  bundle: true,
  // Code shared by the entries goes to chunks, and a dynamic import stays lazy: start.js must
  // not load pg or ioredis (main's imports) before tracing has hooked them.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: true,
  // Readable stack traces and class names in logs; the code is not shipped to browsers.
  keepNames: true,
  minify: false,
  logLevel: "warning",
  plugins: [keepNpmPackagesExternal()],
});
await cp(join(serverDir, "../../packages/db/drizzle"), join(outdir, "drizzle"), {
  recursive: true,
});

const undeclared = [...imported].filter((name) => !dependencies.has(name) && !DEV_ONLY.has(name));
if (undeclared.length > 0) {
  process.stderr.write(
    `The bundle imports packages apps/server does not depend on: ${undeclared.sort().join(", ")}.\n` +
      `Add them to "dependencies" in apps/server/package.json (as "catalog:").\n`,
  );
  process.exit(1);
}
process.stdout.write(
  `Built ${outdir} in ${Math.round(performance.now() - started)} ms; ${imported.size} npm packages stay external.\n`,
);

/** Inlines @cryptotrade/* and relative imports; leaves every other bare import to Node. */
function keepNpmPackagesExternal(): Plugin {
  const builtins = new Set(builtinModules);
  return {
    name: "keep-npm-packages-external",
    setup(bundle) {
      bundle.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith("@cryptotrade/")) return undefined;
        const name = packageName(args.path);
        if (!args.path.startsWith("node:") && !builtins.has(name)) imported.add(name);
        return { path: args.path, external: true };
      });
    },
  };
}

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}
