// `npm run bench`: runs every benchmark (bench/node in Node, bench/worker in workerd), measures
// the production bundle, and prints one table against the budgets of docs/design.md §7.
import { spawnSync } from "node:child_process";
import { ensureDependencies } from "./ensure-deps.mjs";

ensureDependencies();
const vitest = spawnSync(
  "npx",
  ["vitest", "run", "-c", "vitest.bench.config.ts", ...process.argv.slice(2)],
  {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  },
);
const output = `${vitest.stdout}\n${vitest.stderr}`;
const rows = [...output.matchAll(/BENCH (\{.*\})$/gm)].map((m) => JSON.parse(m[1]));
const notes = [...new Set([...output.matchAll(/BENCH-NOTE (.*)$/gm)].map((m) => m[1]))];

const dryRun = spawnSync(
  "npx",
  ["wrangler", "deploy", "--dry-run", "--env", "production", "--outdir", ".wrangler/dry-run"],
  { encoding: "utf8" },
);
const gzip = `${dryRun.stdout}${dryRun.stderr}`.match(/gzip: ([0-9.]+) KiB/);
if (gzip) {
  rows.push({
    name: "Worker bundle (gzip)",
    median: Number(gzip[1]),
    p95: null,
    unit: "KiB",
    budget: "≤ 1024 KiB",
    samples: 1,
  });
}

const fmt = (v) =>
  v === null || v === undefined
    ? ""
    : Number(v).toLocaleString("en-US", { maximumFractionDigits: 2 });
const table = [
  ["benchmark", "median", "p95", "unit", "budget", "samples"],
  ...rows.map((r) => [r.name, fmt(r.median), fmt(r.p95), r.unit, r.budget, String(r.samples)]),
];
const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
const line = (row) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(" | ")} |`;
console.log(line(table[0]));
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const row of table.slice(1)) console.log(line(row));
for (const note of notes) console.log(`note: ${note}`);
if (vitest.status !== 0) {
  console.error(
    output
      .split("\n")
      .filter((l) => /FAIL|Error/.test(l))
      .slice(0, 20)
      .join("\n"),
  );
  process.exit(vitest.status ?? 1);
}
