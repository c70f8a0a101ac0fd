// `npm test`: installs what is missing, builds the console, then runs every test — unit and
// Workers-runtime integration (vitest), then the browser end-to-end suite — and prints one
// closing "N passed, N failed" line.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureDependencies } from "./ensure-deps.mjs";

ensureDependencies();
const run = (cmd, args) => spawnSync(cmd, args, { stdio: "inherit" }).status ?? 1;

if (run("node", ["scripts/build-web.mjs"]) !== 0) process.exit(1);

const out = mkdtempSync(join(tmpdir(), "gatehouse-test-"));
const suites = [
  // The two vitest projects one after the other (each its own worker pool and report).
  {
    name: "integration (workerd)",
    cmd: ["npx", "vitest", "run", "--project", "workers"],
    report: join(out, "workers.json"),
  },
  {
    name: "unit (Node)",
    cmd: ["npx", "vitest", "run", "--project", "node"],
    report: join(out, "node.json"),
  },
  { name: "browser e2e", cmd: ["node", "scripts/e2e.mjs"], report: join(out, "e2e.json") },
];

let passed = 0;
let failed = 0;
let broken = false;
for (const suite of suites) {
  console.log(`\n▶ ${suite.name}`);
  const status = run(suite.cmd[0], [
    ...suite.cmd.slice(1),
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${suite.report}`,
  ]);
  try {
    const result = JSON.parse(readFileSync(suite.report, "utf8"));
    passed += result.numPassedTests;
    failed += result.numFailedTests;
    if (status !== 0 && result.numFailedTests === 0) broken = true;
  } catch {
    broken = true;
    console.error(`${suite.name}: no test report (exit ${status})`);
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || broken ? 1 : 0);
