/**
 * gatehouse policy lint|bundle-id|eval — offline tools over the pure policy engine
 * (`policy push` is routed to policy-push.ts by cli/main.ts).
 * Exit codes: 0 done, 1 the policy or call has errors, 2 usage or unreadable file.
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import {
  bundleFor,
  bundleId,
  compilePolicy,
  evaluate,
  MERGE_MODES,
  parseToolCall,
  tenantBundle,
  type CompiledPolicy,
  type Decision,
  type Diagnostic,
  type PolicyBundle,
} from "../../core/policy";

const USAGE = `usage: gatehouse policy <command>

  lint FILE...                          print problems as file:line:col severity message
  bundle-id FILE                        print the policy's bundle id (SHA-256, hex)
  eval --policy FILE --call CALL.json   print the verdict for one call (platform layer included)
  eval --layer NAME=FILE... [--merge MODE] --call CALL.json
                                        the verdict of these layers alone, as Lynx evaluates them;
                                        MODE: strict_overrides_loose (default), first_layer_wins,
                                        last_layer_wins
  push FILE                             store a policy version in the tenant (over the API)
`;

class UsageError extends Error {}

export async function run(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case "lint":
        return await lint(rest);
      case "bundle-id":
        return await printBundleId(rest);
      case "eval":
        return await evalCall(rest);
      default:
        process.stderr.write(USAGE);
        return 2;
    }
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`gatehouse policy: ${e.message}\n`);
    return 2;
  }
}

async function readText(file: string): Promise<string> {
  try {
    return (await readFile(file, "utf8")).replace(/^\uFEFF/, "");
  } catch (e) {
    throw new UsageError(
      `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
}

function formatDiagnostic(file: string, d: Diagnostic): string {
  return `${file}:${d.line}:${d.column} ${d.severity} ${d.message}`;
}

async function lint(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length === 0) throw new UsageError("lint needs a FILE");
  let failed = false;
  for (const file of positionals) {
    const result = compilePolicy(await readText(file));
    for (const d of result.diagnostics) process.stdout.write(formatDiagnostic(file, d) + "\n");
    if (!result.ok) failed = true;
  }
  return failed ? 1 : 0;
}

/** Compiles FILE, printing its diagnostics to stderr; null when it has errors. */
async function load(file: string): Promise<CompiledPolicy | null> {
  const result = compilePolicy(await readText(file));
  for (const d of result.diagnostics) process.stderr.write(formatDiagnostic(file, d) + "\n");
  return result.ok ? result.policy : null;
}

async function printBundleId(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new UsageError("bundle-id needs exactly one FILE");
  const policy = await load(positionals[0]!);
  if (!policy) return 1;
  process.stdout.write((await bundleId(policy)) + "\n");
  return 0;
}

async function evalCall(args: string[]): Promise<number> {
  let values: { policy?: string; call?: string; layer?: string[]; merge?: string };
  try {
    ({ values } = parseArgs({
      args,
      allowPositionals: false,
      options: {
        policy: { type: "string" },
        call: { type: "string" },
        layer: { type: "string", multiple: true },
        merge: { type: "string" },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const layers = values.layer ?? [];
  if (!values.call || (values.policy === undefined) === (layers.length === 0))
    throw new UsageError(
      "eval needs --call CALL.json and either --policy FILE or --layer NAME=FILE...",
    );
  if (values.merge !== undefined && layers.length === 0)
    throw new UsageError("--merge applies to --layer");
  const combiner = MERGE_MODES[values.merge ?? "strict_overrides_loose"];
  if (!combiner)
    throw new UsageError(
      `unknown --merge ${values.merge}; modes: ${Object.keys(MERGE_MODES).join(", ")}`,
    );

  let target: PolicyBundle | null;
  if (values.policy !== undefined) {
    const policy = await load(values.policy);
    target = policy && tenantBundle(policy);
  } else {
    target = await loadLayers(layers, combiner);
  }
  if (!target) return 1;
  let input: unknown;
  try {
    input = JSON.parse(await readText(values.call));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    process.stderr.write(`${values.call}: invalid JSON: ${(e as Error).message}\n`);
    return 1;
  }
  const parsed = parseToolCall(input);
  if (!parsed.ok) {
    for (const issue of parsed.issues) process.stderr.write(`${values.call}: ${issue}\n`);
    return 1;
  }
  process.stdout.write(JSON.stringify(decisionJson(evaluate(target, parsed.call))) + "\n");
  return 0;
}

async function loadLayers(
  specs: readonly string[],
  combiner: PolicyBundle["combiner"],
): Promise<PolicyBundle | null> {
  const layers = [];
  const names = new Set<string>();
  for (const spec of specs) {
    const at = spec.indexOf("=");
    const name = spec.slice(0, at);
    if (at <= 0 || at === spec.length - 1 || !/^[a-z][a-z0-9_-]{0,62}$/.test(name))
      throw new UsageError(`--layer needs NAME=FILE with a lower-case NAME, got ${spec}`);
    if (names.has(name)) throw new UsageError(`layer ${name} given twice`);
    names.add(name);
    const policy = await load(spec.slice(at + 1));
    if (!policy) return null;
    layers.push({ name, policy });
  }
  return bundleFor(layers, combiner);
}

/** The decision as Lynx names it too (`verdict` beside `decision`). */
function decisionJson(decision: Decision): Record<string, unknown> {
  return {
    decision: decision.decision,
    verdict: decision.decision,
    rule_id: decision.rule_id,
    reason: decision.reason,
    ...(decision.decision === "transform" ? { args: decision.args } : {}),
    matched_rules: decision.matched_rules,
    obligations: decision.obligations,
    approvers: decision.approvers,
    timeout_seconds: decision.timeout_seconds,
  };
}
