import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { nodeSha256 } from "../../cli/commands/audit";
import { headJwks, generateHeadKeyPair, importHeadSigner } from "../../core/audit/checkpoint";
import { formatTrailerLine } from "../../core/audit/export-format";
import { AuditLogWriter } from "../../core/audit/log-writer";
import { buildCli } from "../../scripts/build-cli.mjs";
import { report, summarize } from "../measure";
import { realisticEvent } from "./audit-events";

/*
 * The CLI as a user runs it: a whole `node cli/bin.mjs …` process, wall time. On a shared,
 * loaded machine Node's own start dominates, so a bare `node -e 0` is measured beside it.
 */
const EVENTS = 100_000;
const dir = mkdtempSync(join(tmpdir(), "gatehouse-bench-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Wall time and CPU time (user + system) of whole processes, in ms. */
function timeProcess(args: string[], runs: number): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ["bench/node/cpu-time.mjs", ...args], {
      encoding: "utf8",
    });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`${args.join(" ")}: ${r.stdout}${r.stderr}`);
    if (i === 0) continue; // the first run warms the file cache
    wall.push(ms);
    cpu.push(Number(/CPU ([0-9.]+)\n$/.exec(r.stderr)![1]));
  }
  return { wall, cpu };
}

test("CLI start", async () => {
  await buildCli();
  const cli = timeProcess(["cli/bin.mjs", "--help"], 10);
  const node: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, ["-e", "0"]);
    node.push(performance.now() - t0);
  }
  const rows: [string, number[], string][] = [
    ["CLI start (`gatehouse --help`), CPU time of the process", cli.cpu, "≤ 150 ms"],
    ["CLI start (`gatehouse --help`), wall time", cli.wall, "≤ 150 ms"],
    ["  for reference: `node -e 0`, wall time on this machine now", node, "—"],
  ];
  for (const [name, samples, budget] of rows) {
    const s = summarize(samples);
    report({ name, median: s.medianMs, p95: s.p95Ms, unit: "ms", budget, samples: 10 });
  }
});

test(`offline verify, ${EVENTS} events, whole CLI process`, async () => {
  await buildCli();
  const writer = AuditLogWriter.empty(nodeSha256);
  let text = "";
  for (let i = 0; i < EVENTS; i++) text += `${writer.append(realisticEvent(i)).line}\n`;
  const { privateJwk, publicJwk } = await generateHeadKeyPair();
  const head = writer.head("acme", "2025-01-02T00:00:00.000Z");
  const jws = await (await importHeadSigner(privateJwk)).sign(head);
  text += `${formatTrailerLine({ jws, size: head.size, root: head.root })}\n`;
  const file = join(dir, "export.jsonl");
  const jwks = join(dir, "jwks.json");
  writeFileSync(file, text);
  writeFileSync(jwks, JSON.stringify(headJwks([publicJwk])));
  const check = spawnSync(
    process.execPath,
    ["cli/bin.mjs", "audit", "verify", file, "--jwks", jwks],
    {
      encoding: "utf8",
    },
  );
  expect(check.stdout).toBe(`ok ${EVENTS} events\n`);
  expect(check.stderr).toContain("signature verified");
  const { wall, cpu } = timeProcess(["cli/bin.mjs", "audit", "verify", file, "--jwks", jwks], 5);
  for (const [what, samples] of [
    ["per CPU-second of the process", cpu],
    ["wall time", wall],
  ] as const) {
    const { medianMs, p95Ms } = summarize(samples);
    report({
      name: `offline verify ${EVENTS / 1000}k events (chain + Merkle + signature), whole CLI process, ${what}`,
      // Throughput: "p95" is the rate of the p95 (slow) run, so it is the lower figure.
      median: Math.round(EVENTS / (medianMs / 1000)),
      p95: Math.round(EVENTS / (p95Ms / 1000)),
      unit: "events/s",
      budget: "≥ 300,000 events/s",
      samples: samples.length,
    });
  }
});
