import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../../core/canonical-json";
import { toHex } from "../../../core/encoding";
import { bundleFor, bundleId, platformPolicy, tenantBundle } from "../../../core/policy";
import { compileOk } from "./helpers";

const BASE = `version: 1
defaults:
  on_no_match: deny
  on_missing_shadow: approve_required
predicates:
  in_prod: { context.environment: prod }
rules:
  - id: no-rm
    priority: 100
    match: { tool: shell, args.cmd.matches: '^rm\\s' }
    decision: deny
    reason: no rm
  - id: prod-deploy
    priority: 50
    match: { all_of: [in_prod, { tool: deploy }] }
    decision: approve_required
    approvers: [ops]
    timeout_seconds: 600
    obligations: [audit-note]
  - id: cap
    match: { tool: search }
    decision: transform
    transform: { jsonpath: "$.args.limit", set: 10 }
`;

const REFORMATTED = `# same policy, different text
rules:
  - # rules in another file order (priorities differ, so evaluation order is the same)
    transform:
      set: 10
      path: [limit]
    verdict: TRANSFORM
    match:
      tool: "search"
    id: cap
  - reason: "no rm"
    decision: Deny
    match:
      args.cmd.matches: "^rm\\\\s"
      tool: shell
    priority: 100
    id: no-rm
  - id: prod-deploy
    description: a description is documentation, not semantics
    match:
      all_of:
        - { context.environment: prod }
        - tool: deploy
    obligations:
      - { id: audit-note, phase: pre }
    priority: 50
    timeout_seconds: 10:00
    approvers:
      - ops
    decision: approve_required
defaults: { on_missing_shadow: approve_required, on_no_match: deny }
version: 1
`;

async function idOf(source: string): Promise<string> {
  return bundleId(compileOk(source));
}

describe("bundle id", () => {
  it("is the SHA-256 hex of the canonical JSON of the compiled form", async () => {
    const policy = compileOk(BASE);
    const expected = toHex(
      new Uint8Array(
        await crypto.subtle.digest(
          "SHA-256",
          new TextEncoder().encode(canonicalJson(policy.canonical)),
        ),
      ),
    );
    const id = await bundleId(policy);
    expect(id).toBe(expected);
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(policy.canonical).toEqual({
      version: 1,
      defaults: { on_no_match: "deny", on_missing_shadow: "approve_required" },
      rules: [
        {
          id: "no-rm",
          priority: 100,
          match: { tool: "shell", "args.cmd.matches": "^rm\\s" },
          decision: "deny",
          reason: "no rm",
          approvers: [],
          timeout_seconds: null,
          transform: null,
          obligations: [],
        },
        {
          id: "prod-deploy",
          priority: 50,
          match: { all_of: [{ "context.environment": "prod" }, { tool: "deploy" }] },
          decision: "approve_required",
          reason: "",
          approvers: ["ops"],
          timeout_seconds: 600,
          transform: null,
          obligations: [{ id: "audit-note", phase: "pre", params: {} }],
        },
        {
          id: "cap",
          priority: 0,
          match: { tool: "search" },
          decision: "transform",
          reason: "",
          approvers: [],
          timeout_seconds: null,
          transform: { path: ["limit"], set: 10 },
          obligations: [],
        },
      ],
    });
  });

  it("does not change with formatting, comments, key order, keyword or case, or inlined predicates", async () => {
    expect(await idOf(REFORMATTED)).toBe(await idOf(BASE));
  });

  it("changes with every semantic edit", async () => {
    const base = await idOf(BASE);
    const edits: [string, string][] = [
      ["decision: deny", "decision: dry_run"],
      ["priority: 100", "priority: 101"],
      ["'^rm\\s'", "'^rm\\s+'"],
      ["reason: no rm", "reason: no rm at all"],
      ["approvers: [ops]", "approvers: [ops, sec]"],
      ["timeout_seconds: 600", "timeout_seconds: 601"],
      ["set: 10", "set: 11"],
      ['jsonpath: "$.args.limit"', "path: [opts, limit]"],
      ["obligations: [audit-note]", "obligations: [{ id: audit-note, phase: post }]"],
      ["on_no_match: deny", "on_no_match: allow"],
      ["on_missing_shadow: approve_required", "on_missing_shadow: deny"],
      ["in_prod: { context.environment: prod }", "in_prod: { context.environment: production }"],
      ["id: cap", "id: cap-search"],
      [
        "  - id: cap\n",
        "  - id: extra\n    match: { tool: x }\n    decision: allow\n  - id: cap\n",
      ],
    ];
    const seen = new Set([base]);
    for (const [from, to] of edits) {
      expect(BASE.includes(from), from).toBe(true);
      const id = await idOf(BASE.replace(from, to));
      expect(id, `${from} -> ${to}`).not.toBe(base);
      seen.add(id);
    }
    expect(seen.size).toBe(edits.length + 1);
  });

  it("changes when rules of equal priority swap places (evaluation order)", async () => {
    const a =
      "version: 1\nrules:\n  - { id: first, match: { tool: t }, decision: allow }\n  - { id: second, match: { tool: t }, decision: deny }\n";
    const b =
      "version: 1\nrules:\n  - { id: second, match: { tool: t }, decision: deny }\n  - { id: first, match: { tool: t }, decision: allow }\n";
    expect(await idOf(a)).not.toBe(await idOf(b));
  });

  it("layered: covers each layer's id and name and the combiner", async () => {
    const tenant = compileOk(BASE);
    const layered = await bundleId(tenantBundle(tenant));
    expect(layered).toMatch(/^[0-9a-f]{64}$/);
    expect(layered).not.toBe(await bundleId(tenant));
    expect(await bundleId(tenantBundle(compileOk(REFORMATTED)))).toBe(layered);
    const expected = toHex(
      new Uint8Array(
        await crypto.subtle.digest(
          "SHA-256",
          new TextEncoder().encode(
            canonicalJson({
              combiner: "strictest-wins",
              layers: [
                { id: await bundleId(platformPolicy), name: "platform" },
                { id: await bundleId(tenant), name: "tenant" },
              ],
            }),
          ),
        ),
      ),
    );
    expect(layered).toBe(expected);
    const renamed = await bundleId(
      bundleFor([
        { name: "platform", policy: platformPolicy },
        { name: "team", policy: tenant },
      ]),
    );
    expect(renamed).not.toBe(layered);
    const edited = await bundleId(tenantBundle(compileOk(BASE.replace("set: 10", "set: 12"))));
    expect(edited).not.toBe(layered);
  });
});
