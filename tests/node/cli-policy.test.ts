import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { canonicalJson } from "../../core/canonical-json";
import { compilePolicy } from "../../core/policy";
import { cliEnv } from "./cli-env";

// Each test spawns the real CLI (an esbuild bundle step plus Node start-up) several times.
vi.setConfig({ testTimeout: 60_000 });

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const fixtures = join(root, "tests", "fixtures", "policy");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI (`node cli/bin.mjs policy ...`) from the fixtures directory. */
function gatehouse(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, "cli", "bin.mjs"), "policy", ...args],
      { cwd: fixtures, env: cliEnv },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe("gatehouse policy lint", () => {
  it("prints nothing and exits 0 for a clean policy", async () => {
    const r = await gatehouse("lint", "good.yaml");
    expect(r).toMatchObject({ code: 0, stdout: "" });
  });

  it("prints file:line:col severity message for each problem and exits 1 on errors", async () => {
    const r = await gatehouse("lint", "errors.yaml");
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split("\n");
    expect(lines.map((l) => l.split(" ").slice(0, 2).join(" "))).toEqual([
      "errors.yaml:2:1 warning",
      "errors.yaml:5:27 error",
      "errors.yaml:8:30 error",
      "errors.yaml:9:15 error",
      "errors.yaml:10:5 warning",
    ]);
    expect(lines[0]).toContain(
      'unknown top-level key "rule_set" is ignored, as Lynx (did you mean "rules"?)',
    );
    expect(lines[1]).toContain(
      'unknown operator "matchs" in "args.cmd.matchs" (did you mean "matches"?)',
    );
    expect(lines[2]).toContain("lo 5 is greater than hi 1");
    expect(lines[3]).toContain('unknown verdict "permit"');
    expect(lines[3]).toContain("valid verdicts: allow, deny, dry_run, approve_required, transform");
    expect(lines[4]).toContain('rule "c" has no decision: it denies, as Lynx');
  });

  it("exits 0 when there are only warnings, and prints them", async () => {
    const r = await gatehouse("lint", "warnings.yaml");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'warnings.yaml:6:5 warning rule "shadowed" can never fire: rule "everything" (line 3, priority 0) matches every call and is evaluated first\n',
    );
  });

  it("reports malformed YAML with its position", async () => {
    const r = await gatehouse("lint", "malformed.yaml");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^malformed\.yaml:4:1 error malformed YAML: /);
  });

  it("lints several files and fails if any has errors", async () => {
    const r = await gatehouse("lint", "good.yaml", "warnings.yaml", "errors.yaml");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("warnings.yaml:6:5 warning");
    expect(r.stdout).toContain("errors.yaml:5:27 error");
  });

  it("exits 2 for a missing file or a missing argument", async () => {
    const missing = await gatehouse("lint", "no-such-file.yaml");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read no-such-file.yaml: ENOENT");
    const none = await gatehouse("lint");
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("lint needs a FILE");
  });
});

describe("gatehouse policy bundle-id", () => {
  it("prints the SHA-256 hex of the canonical compiled form", async () => {
    const r = await gatehouse("bundle-id", "good.yaml");
    expect(r.code).toBe(0);
    const compiled = compilePolicy(readFileSync(join(fixtures, "good.yaml"), "utf8"));
    if (!compiled.ok) throw new Error("good.yaml must compile");
    const expected = createHash("sha256")
      .update(canonicalJson(compiled.policy.canonical))
      .digest("hex");
    expect(r.stdout).toBe(`${expected}\n`);
  });

  it("is the same for a reformatted, reordered, recommented copy", async () => {
    const a = await gatehouse("bundle-id", "good.yaml");
    const b = await gatehouse("bundle-id", "good-reformatted.yaml");
    expect(b.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const other = await gatehouse("bundle-id", "warnings.yaml");
    expect(other.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(other.stdout).not.toBe(a.stdout);
  });

  it("refuses a policy with errors (exit 1, diagnostics on stderr)", async () => {
    const r = await gatehouse("bundle-id", "errors.yaml");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("errors.yaml:5:27 error");
  });
});

describe("gatehouse policy eval", () => {
  const evalCall = async (callFile: string, policy = "good.yaml") => {
    const r = await gatehouse("eval", "--policy", policy, "--call", callFile);
    return {
      ...r,
      verdict: r.code === 0 ? (JSON.parse(r.stdout) as Record<string, unknown>) : null,
    };
  };

  it("prints the verdict JSON of the matching tenant rule", async () => {
    const r = await evalCall("call-rm.json");
    expect(r.code).toBe(0);
    expect(r.verdict).toEqual({
      decision: "deny",
      verdict: "deny",
      rule_id: "tenant:shell-rm-rf-root",
      reason: "rm -rf / is never allowed",
      matched_rules: ["tenant:shell-rm-rf-root"],
      obligations: [],
      approvers: [],
      timeout_seconds: null,
    });
  });

  it("includes the transformed args for a transform", async () => {
    const r = await evalCall("call-search.json");
    expect(r.verdict).toEqual({
      decision: "transform",
      verdict: "transform",
      rule_id: "tenant:cap-search",
      reason: "",
      args: { q: "cats", limit: 50 },
      matched_rules: ["tenant:cap-search"],
      obligations: [],
      approvers: [],
      timeout_seconds: null,
    });
  });

  it("includes the platform layer, which no tenant rule can override", async () => {
    const r = await evalCall("call-metadata.json");
    expect(r.verdict).toMatchObject({ decision: "deny", rule_id: "platform:cloud-metadata" });
  });

  it("falls back to the defaults (on_missing_shadow for an irreversible call without shadow)", async () => {
    const r = await evalCall("call-unknown.json");
    expect(r.verdict).toEqual({
      decision: "approve_required",
      verdict: "approve_required",
      rule_id: null,
      reason: "irreversible action with no shadow; no layer matched; default policy",
      matched_rules: ["<default:on_missing_shadow>"],
      obligations: [],
      approvers: [],
      timeout_seconds: 1800,
    });
  });

  it("rejects an invalid call or invalid JSON with exit 1", async () => {
    const invalid = await evalCall("call-invalid.json");
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain("call-invalid.json: tool:");
    expect(invalid.stderr).toContain("context.channel:");
    const notJson = await evalCall("call-not-json.json");
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toContain("invalid JSON");
  });

  it("refuses a policy with errors (exit 1)", async () => {
    const r = await evalCall("call-rm.json", "errors.yaml");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("errors.yaml:5:27 error");
  });

  it("needs both --policy and --call (exit 2)", async () => {
    const r = await gatehouse("eval", "--policy", "good.yaml");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("eval needs --call CALL.json and either --policy FILE or --layer");
    const unknown = await gatehouse("eval", "--polcy", "good.yaml");
    expect(unknown.code).toBe(2);
  });
});

describe("gatehouse policy eval --layer … --merge (Lynx's layered evaluation)", () => {
  // call-lynx.json is a real Lynx ActionRequest as Lynx serialises it (nulls included); the
  // expected decisions are what Lynx 2.11.1's own evaluate() returned for these two layers.
  const layered = async (merge?: string) => {
    const args = ["eval", "--layer", "org=layer-org.yaml", "--layer", "team=layer-team.yaml"];
    if (merge) args.push("--merge", merge);
    const r = await gatehouse(...args, "--call", "call-lynx.json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as Record<string, unknown>;
  };
  const page = { id: "page-oncall", phase: "post", params: {} };

  it("strict_overrides_loose (the default) and first_layer_wins: the org deny", async () => {
    for (const merge of [undefined, "strict_overrides_loose", "first_layer_wins"]) {
      expect(await layered(merge)).toMatchObject({
        verdict: "deny",
        matched_rules: ["org:no-rm"],
        obligations: [page],
      });
    }
  });

  it("last_layer_wins: the team allow, with its obligation", async () => {
    expect(await layered("last_layer_wins")).toMatchObject({
      verdict: "allow",
      matched_rules: ["team:shell-ok"],
      obligations: [{ id: "audit-note", phase: "post", params: { team: "blue" } }],
    });
  });

  it("refuses an unknown merge mode or a malformed layer (exit 2)", async () => {
    const bad = await gatehouse(
      "eval",
      "--layer",
      "org=layer-org.yaml",
      "--merge",
      "x",
      "--call",
      "call-lynx.json",
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown --merge x");
    const noName = await gatehouse("eval", "--layer", "layer-org.yaml", "--call", "call-lynx.json");
    expect(noName.code).toBe(2);
  });
});

describe("gatehouse policy <other>", () => {
  it("prints usage and exits 2 for an unknown or missing subcommand", async () => {
    for (const args of [["frobnicate"], ["lint-all", "good.yaml"], []]) {
      const r = await gatehouse(...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toContain("usage: gatehouse policy <command>");
      expect(r.stdout).toBe("");
    }
  });
});
