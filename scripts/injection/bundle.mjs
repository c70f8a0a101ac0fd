// Bundles the scanner (TypeScript) for the Node training and evaluation scripts.
import { build } from "esbuild";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export const CORPUS = "tests/fixtures/injection/corpus/corpus.jsonl";

// With `{ swappable: true }` the bundle's classifier reads its weights from `globalThis`
// (`setModel`), so cross-validation can score each fold with the full scanner, not a copy of it.
const SWAP = "__gatehouseInjectionModel";
const swappableWeights = {
  name: "swappable-weights",
  setup(b) {
    b.onResolve({ filter: /\/weights$/ }, (args) =>
      args.importer.includes("classifier") || args.importer.endsWith("scan-injection.ts")
        ? { path: "weights", namespace: "swap" }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "swap" }, () => ({
      contents: `const m = () => globalThis.${SWAP} ?? { bias: 0, scale: 0, threshold: 0.5, weights: "" };
export const MODEL = {
  get bias() { return m().bias; }, get scale() { return m().scale; },
  get threshold() { return m().threshold; }, get weights() { return m().weights; },
};`,
      loader: "js",
    }));
  },
};

/** Makes every swappable bundle score with `model` ({bias, scale, threshold, weights}). */
export const setModel = (model) => {
  globalThis[SWAP] = model;
};

export async function loadScanner({ swappable = false } = {}) {
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
    plugins: swappable ? [swappableWeights] : [],
  });
  return import(pathToFileURL(outfile).href);
}

/** Every row of the corpus except the test split, which only `evaluate.mjs test` reads. */
export function loadCorpus({ includeTest = false } = {}) {
  return readFileSync(CORPUS, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .filter((r) => includeTest || r.split !== "test");
}
