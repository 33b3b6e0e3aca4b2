import { fileURLToPath } from "node:url";

/** Files the server reads at run time that are not part of its code. */
export interface ServerFiles {
  /** apps/web: its `build/` is served, its source runs through Vite in development. */
  webRoot: string;
  /** The drizzle migrations; undefined means where packages/db keeps them (from source). */
  migrationsFolder: string | undefined;
}

/**
 * Where those files are, from the directory of the running code: `apps/server/src/` under tsx,
 * `apps/server/dist/` when built (`pnpm --filter @cryptotrade/server build`). Both sit beside
 * apps/web, so the web app is found the same way; the build copies the migrations into
 * `dist/drizzle/`, because packages/db is inlined there and its own path no longer exists.
 * Each entry point (start.ts, cli/*.ts) passes its own directory: a bundle's other modules
 * have other URLs than their sources had.
 *
 * @example
 * const files = locateServerFiles(new URL(".", import.meta.url)); // in src/start.ts
 */
export function locateServerFiles(codeDir: URL): ServerFiles {
  const built = codeDir.pathname.endsWith("/dist/");
  return {
    webRoot: fileURLToPath(new URL("../../web/", codeDir)),
    migrationsFolder: built ? fileURLToPath(new URL("drizzle/", codeDir)) : undefined,
  };
}
