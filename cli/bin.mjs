#!/usr/bin/env node
// The CLI is TypeScript: bundle it with esbuild (about 100 ms) and run it.
import { build } from "esbuild";
import { rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
// One file per process: concurrent invocations (tests run in parallel) never share a build.
const outfile = join(root, "node_modules", ".cache", "gatehouse-cli", `main-${process.pid}.mjs`);
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
const { main } = await import(pathToFileURL(outfile).href).finally(() =>
  rm(outfile, { force: true }),
);
process.exitCode = await main(process.argv.slice(2));
