/**
 * gatehouse policy lint|bundle-id|eval — offline tools over the pure policy engine
 * (`policy push` is routed to policy-push.ts by cli/main.ts).
 * Exit codes: 0 done, 1 the policy or call has errors, 2 usage or unreadable file.
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import {
  bundleId,
  compilePolicy,
  evaluate,
  parseToolCall,
  tenantBundle,
  type CompiledPolicy,
  type Diagnostic,
} from "../../core/policy";

const USAGE = `usage: gatehouse policy <command>

  lint FILE...                          print problems as file:line:col severity message
  bundle-id FILE                        print the policy's bundle id (SHA-256, hex)
  eval --policy FILE --call CALL.json   print the verdict for one call (platform layer included)
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
  let values: { policy?: string; call?: string };
  try {
    ({ values } = parseArgs({
      args,
      allowPositionals: false,
      options: { policy: { type: "string" }, call: { type: "string" } },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (!values.policy || !values.call)
    throw new UsageError("eval needs --policy FILE and --call CALL.json");
  const policy = await load(values.policy);
  if (!policy) return 1;
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
  const decision = evaluate(tenantBundle(policy), parsed.call);
  const out = {
    decision: decision.decision,
    rule_id: decision.rule_id,
    reason: decision.reason,
    ...(decision.decision === "transform" ? { args: decision.args } : {}),
    matched_rules: decision.matched_rules,
  };
  process.stdout.write(JSON.stringify(out) + "\n");
  return 0;
}
