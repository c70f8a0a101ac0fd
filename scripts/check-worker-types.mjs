// `npm run types:check` (CI): fails when the committed worker-configuration.d.ts is not what the
// pinned wrangler generates (`npm run types`). `wrangler types --check` only compares a header
// hash, so this regenerates into a temporary file and compares the text.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const committed = "worker-configuration.d.ts";
const dir = mkdtempSync(join(tmpdir(), "gatehouse-types-"));
const fresh = join(dir, committed);
try {
  const gen = spawnSync("npx", ["wrangler", "types", "--include-env=false", fresh], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (gen.status !== 0) {
    console.error("wrangler types failed");
    process.exit(1);
  }
  if (readFileSync(fresh, "utf8") !== readFileSync(committed, "utf8")) {
    console.error(`${committed} is stale: run \`npm run types\` and commit the result.`);
    process.exit(1);
  }
  console.log(`${committed} is up to date.`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
