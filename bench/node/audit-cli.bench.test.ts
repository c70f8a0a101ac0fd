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

/** Prints the process's CPU time like cpu-time.mjs, for a bare `node -e`. */
const BARE_NODE = `process.on("exit", () => { const { user, system } = process.cpuUsage(); process.stderr.write("\\nCPU " + (user + system) / 1000 + "\\n"); })`;

/**
 * Wall time and CPU time (user + system) of whole processes, in ms: `node cpu-time.mjs ARGS`
 * (the CLI), or with `args` null a bare Node doing nothing.
 */
function timeProcess(args: string[] | null, runs: number): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  const argv = args === null ? ["-e", BARE_NODE] : ["bench/node/cpu-time.mjs", ...args];
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, argv, { encoding: "utf8" });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`${argv.join(" ")}: ${r.stdout}${r.stderr}`);
    if (i === 0) continue; // the first run warms the file cache
    wall.push(ms);
    cpu.push(Number(/CPU ([0-9.]+)\n$/.exec(r.stderr)![1]));
  }
  return { wall, cpu };
}

/** Median CPU ms of a bare `node -e`, measured beside the CLI (Node's own start). */
let nodeStartCpu = 0;

test("CLI start", async () => {
  await buildCli();
  // Interleaved, so that both see the same load.
  const cli = { wall: [] as number[], cpu: [] as number[] };
  const node = { wall: [] as number[], cpu: [] as number[] };
  for (let i = 0; i < 10; i++)
    for (const [into, args] of [
      [cli, ["cli/bin.mjs", "--help"]],
      [node, null],
    ] as [typeof cli, string[] | null][]) {
      const t = timeProcess(args, 1);
      into.wall.push(...t.wall);
      into.cpu.push(...t.cpu);
    }
  nodeStartCpu = summarize(node.cpu).medianMs;
  const ratio = (summarize(cli.cpu).medianMs / nodeStartCpu).toFixed(2);
  const rows: [string, number[], string][] = [
    [
      `CLI start (\`gatehouse --help\`), CPU time of the process: ${ratio}× \`node -e 0\``,
      cli.cpu,
      "≤ 150 ms",
    ],
    ["CLI start (`gatehouse --help`), wall time", cli.wall, "≤ 150 ms"],
    ["  for reference: `node -e 0`, CPU time on this machine now", node.cpu, "—"],
    ["  for reference: `node -e 0`, wall time on this machine now", node.wall, "—"],
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
  // What the verifier itself costs: the process minus a bare Node's start (measured above).
  const verifier = cpu.map((ms) => ms - nodeStartCpu);
  const rows: [string, number[]][] = [
    ["per CPU-second of the process", cpu],
    ...(nodeStartCpu > 0
      ? [["per CPU-second, without Node's own start", verifier] as [string, number[]]]
      : []),
    ["wall time", wall],
  ];
  for (const [what, samples] of rows) {
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
