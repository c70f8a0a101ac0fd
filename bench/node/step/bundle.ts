import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { StepSamples } from "../../worker/step-bundle/samples";
import { cpuSeconds, descendantsNamed } from "./proc-cpu";

const CONFIG = "bench/worker/step-bundle/wrangler.toml";

/** The slice of Miniflare 4's API used here. */
interface Miniflare {
  ready: Promise<URL>;
  dispatchFetch(
    url: string,
  ): Promise<{ ok: boolean; json(): Promise<unknown>; text(): Promise<string> }>;
  dispose(): Promise<void>;
}
type MiniflareClass = new (options: Record<string, unknown>) => Miniflare;

/**
 * Miniflare as wrangler itself depends on it: the hoisted `miniflare` is the vitest plugin's,
 * another major version with another API.
 */
function wranglersMiniflare(): MiniflareClass {
  const fromHere = createRequire(import.meta.url);
  const fromWrangler = createRequire(fromHere.resolve("wrangler/package.json"));
  return (fromWrangler("miniflare") as { Miniflare: MiniflareClass }).Miniflare;
}

/** The bench Worker built as production is (`wrangler deploy --dry-run`), served by workerd. */
export interface StepBundle {
  /** One round of `batches` × `perBatch` steps on the one bench object. */
  round(batches: number, perBatch: number): Promise<StepSamples>;
  /** CPU seconds the workerd process has used so far. */
  cpuSeconds(): number;
  dispose(): Promise<void>;
}

export async function startStepBundle(): Promise<StepBundle> {
  const outdir = mkdtempSync(join(tmpdir(), "gatehouse-step-"));
  const build = spawnSync(
    "npx",
    ["wrangler", "deploy", "--dry-run", "-c", CONFIG, "--outdir", outdir],
    { encoding: "utf8" },
  );
  if (build.status !== 0) throw new Error(`wrangler build failed: ${build.stderr}`);
  // An explicit module list: Miniflare's import walker does not follow the bundle's dynamic imports.
  const modules = readdirSync(outdir)
    .filter((f) => f.endsWith(".js") || f.endsWith(".wasm"))
    .map((f) => ({ type: f.endsWith(".js") ? "ESModule" : "CompiledWasm", path: join(outdir, f) }));
  // The entry module first: Miniflare takes the first module as the Worker's main.
  modules.sort((a, b) => Number(b.path.endsWith("entry.js")) - Number(a.path.endsWith("entry.js")));

  // The object's SQLite in memory (tmpfs) where there is one: workerd's local storage fsyncs
  // every commit, which Lynx's journal (WAL, synchronous=NORMAL) does not, and neither is what
  // is compared here (nor how Cloudflare stores a Durable Object).
  const storage = mkdtempSync(
    join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "gatehouse-do-"),
  );
  const before = new Set(descendantsNamed(process.pid, "workerd"));
  const Miniflare = wranglersMiniflare();
  const mf = new Miniflare({
    modules,
    modulesRoot: outdir,
    compatibilityDate: "2026-04-20",
    compatibilityFlags: ["nodejs_compat", "global_fetch_strictly_public"],
    durableObjects: { BENCH: { className: "BenchDO", useSQLite: true } },
    durableObjectsPersist: storage,
    bindings: { ENVIRONMENT: "development" },
  });
  await mf.ready;
  const started = descendantsNamed(process.pid, "workerd").filter((p) => !before.has(p));
  if (started.length !== 1) throw new Error(`expected one new workerd, found ${started.length}`);
  const pid = started[0]!;

  return {
    async round(batches, perBatch) {
      const res = await mf.dispatchFetch(`http://bench/?batches=${batches}&per=${perBatch}`);
      if (!res.ok) throw new Error(`bench round failed: ${await res.text()}`);
      return (await res.json()) as StepSamples;
    },
    cpuSeconds: () => cpuSeconds(pid),
    async dispose() {
      await mf.dispose();
      rmSync(outdir, { recursive: true, force: true });
      rmSync(storage, { recursive: true, force: true });
    },
  };
}
