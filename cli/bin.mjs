#!/usr/bin/env node
// The CLI is TypeScript; bundle it once per source change into a cache and run it.
import { build } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outfile = join(root, "node_modules", ".cache", "gatehouse-cli", "main.mjs");
await build({
  entryPoints: [join(root, "cli", "main.ts")],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  logLevel: "error",
});
const { main } = await import(pathToFileURL(outfile).href);
process.exitCode = await main(process.argv.slice(2));
