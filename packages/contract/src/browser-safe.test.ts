import { readFileSync } from "node:fs";
import { type BuildOptions, build, type Plugin } from "esbuild";
import { describe, expect, it } from "vitest";

const exportsMap: Record<string, string> = JSON.parse(
  readFileSync(new URL("../package.json", import.meta.url), "utf8"),
).exports;

// esbuild leaves `node:` imports external on any platform; this refuses them.
const refuseNodeBuiltIns: Plugin = {
  name: "refuse-node-built-ins",
  setup(plugin) {
    plugin.onResolve({ filter: /^node:/ }, (args) => ({
      errors: [{ text: `${args.importer} imports ${args.path}` }],
    }));
  },
};

function bundleForBrowser(entry: Pick<BuildOptions, "entryPoints" | "stdin">) {
  return build({
    ...entry,
    bundle: true,
    write: false,
    platform: "browser",
    format: "esm",
    logLevel: "silent",
    plugins: [refuseNodeBuiltIns],
  });
}

describe("the contract package", () => {
  it.each(Object.entries(exportsMap))(
    "bundles %s for the browser without a Node built-in",
    async (_name, path) => {
      const result = await bundleForBrowser({
        entryPoints: [new URL(`../${path}`, import.meta.url).pathname],
      });
      expect(result.errors).toEqual([]);
      expect(result.outputFiles[0]?.text.length).toBeGreaterThan(0);
    },
  );

  // The web app's shell and trade page take their lists and defaults from these; zod (the
  // biggest piece of the contract in a browser) must not come with them.
  it.each(["./candle-intervals", "./order-vocabulary", "./preference-choices"])(
    "bundles %s without zod",
    async (name) => {
      const result = await build({
        entryPoints: [new URL(`../${exportsMap[name]}`, import.meta.url).pathname],
        bundle: true,
        write: false,
        metafile: true,
        platform: "browser",
        format: "esm",
        logLevel: "silent",
      });
      const inputs = Object.keys(result.metafile.inputs);
      expect(inputs.length).toBeGreaterThan(0);
      expect(inputs.filter((input) => input.includes("node_modules/zod"))).toEqual([]);
    },
  );

  it.each(['import { randomUUID } from "node:crypto"', 'import { readFileSync } from "fs"'])(
    "refuses a module that reaches for Node (%s)",
    async (line) => {
      const attempt = bundleForBrowser({ stdin: { contents: `${line};\nconsole.log(1);` } });
      await expect(attempt).rejects.toThrow(/crypto|fs/);
    },
  );
});
