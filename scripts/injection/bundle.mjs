// Bundles the scanner (TypeScript) for the Node training and evaluation scripts.
import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export const CORPUS = "tests/fixtures/injection/corpus/corpus.jsonl";

export async function loadScanner() {
  const dir = join("node_modules", ".cache", "gatehouse-injection");
  mkdirSync(dir, { recursive: true });
  const outfile = join(process.cwd(), dir, `scanner-${process.pid}-${Date.now()}.mjs`);
  await build({
    stdin: {
      contents: `export { analyzeInjection, trainingFeatures, DEFAULT_INJECTION_THRESHOLD } from "./core/untrusted/scan-injection";
export { featureVector, classifierView, BUCKETS } from "./core/untrusted/classifier/features";
export { normalizeForScan } from "./core/untrusted/normalize";`,
      resolveDir: process.cwd(),
      loader: "ts",
    },
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    logLevel: "error",
  });
  return import(pathToFileURL(outfile).href);
}

export async function loadCorpus() {
  const { readFileSync } = await import("node:fs");
  return readFileSync(CORPUS, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}
