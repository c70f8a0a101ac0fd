// `npm run build` / `prepare`: bundles the TypeScript CLI once into cli/dist (code-split, so a
// command loads only its own modules), and `cli/bin.mjs` starts it without a build step.
import { build } from "esbuild";
import { mkdtemp, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
export const CLI_DIST = join(root, "cli", "dist");

/**
 * The bytes of the CLI's WebAssembly modules as base64, for it to compile instead of emitting them
 * at every start (see cli/commands/audit.ts): computed here from the same source.
 */
async function wasmModulesBase64() {
  const { outputFiles } = await build({
    stdin: {
      contents:
        'export { sha256x4Module } from "./core/audit/sha256-x4-wasm";' +
        'export { canonicalLineModule } from "./core/audit/canonical-line-wasm";',
      resolveDir: root,
      loader: "ts",
    },
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    logLevel: "error",
  });
  const source = Buffer.from(outputFiles[0].contents).toString("base64");
  const modules = await import(`data:text/javascript;base64,${source}`);
  const base64 = (bytes) => JSON.stringify(Buffer.from(bytes).toString("base64"));
  return {
    SHA256_X4_WASM: base64(modules.sha256x4Module()),
    CANONICAL_LINE_WASM: base64(modules.canonicalLineModule()),
  };
}

export async function buildCli() {
  // Build beside the output and swap it in, so a concurrent start never sees half a build.
  const staging = await mkdtemp(join(root, "cli", ".dist-"));
  try {
    await build({
      entryPoints: [join(root, "cli", "main.ts")],
      outdir: staging,
      bundle: true,
      splitting: true,
      platform: "node",
      format: "esm",
      target: "node20",
      define: await wasmModulesBase64(),
      // Dependencies are bundled too: one file per command loads in about two thirds of the CPU
      // time of Node resolving and compiling zod's and yaml's hundreds of files at every start.
      // Bundled CommonJS (yaml) calls require() for Node built-ins, which ESM lacks.
      banner: {
        js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
      },
      logLevel: "error",
    });
    await rm(CLI_DIST, { recursive: true, force: true });
    await rename(staging, CLI_DIST).catch((error) => {
      if (error.code !== "ENOTEMPTY" && error.code !== "EEXIST") throw error; // another build won
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await buildCli();
