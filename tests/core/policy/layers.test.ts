import { describe, expect, it } from "vitest";
import { bundleFor, evaluate, tenantBundle, withPlatform } from "../../../core/policy";
import { call, compileOk } from "./helpers";

const ORG = compileOk(`version: 1
defaults: { on_no_match: allow }
rules:
  - { id: allow-http, match: { tool: http }, decision: allow, obligations: [audit-note] }
  - { id: dry-deploy, match: { tool: deploy }, decision: dry_run, reason: org dry-runs deploys }
`);
const TEAM = compileOk(`version: 1
defaults: { on_no_match: allow }
rules:
  - { id: block-http, match: { tool: http }, decision: deny, reason: team blocks http }
  - { id: dry-deploy-too, match: { tool: deploy }, decision: dry_run, reason: team too, obligations: [{ id: notify-email, phase: post }] }
  - { id: rewrite, match: { tool: search }, decision: transform, transform: { jsonpath: "$.args.limit", set: 5 } }
`);
const EMPTY_DENY = compileOk("version: 1\ndefaults: { on_no_match: deny }\nrules: []\n");

describe("layered bundles", () => {
  it("strictest verdict wins across layers and matched_rules are layer-prefixed", () => {
    const b = bundleFor([
      { name: "org", policy: ORG },
      { name: "team", policy: TEAM },
    ]);
    const d = evaluate(b, call("http"));
    expect(d.decision).toBe("deny");
    expect(d.rule_id).toBe("team:block-http");
    expect(d.reason).toBe("team blocks http");
    expect(d.matched_rules).toEqual(["team:block-http"]);
    expect(d.obligations).toEqual([]);
  });

  it("follows deny > approve_required > dry_run > transform > allow", () => {
    const verdicts = ["allow", "transform", "dry_run", "approve_required", "deny"] as const;
    for (let i = 0; i < verdicts.length; i++) {
      for (let j = 0; j < verdicts.length; j++) {
        const layerFor = (v: string, id: string) =>
          compileOk(
            `version: 1\nrules:\n  - id: ${id}\n    match: {}\n    decision: ${v}\n${v === "transform" ? `    transform: { jsonpath: "$.args.k", set: ${id} }\n` : ""}`,
          );
        const b = bundleFor([
          { name: "one", policy: layerFor(verdicts[i]!, "a") },
          { name: "two", policy: layerFor(verdicts[j]!, "b") },
        ]);
        expect(evaluate(b, call("x")).decision, `${verdicts[i]} vs ${verdicts[j]}`).toBe(
          verdicts[Math.max(i, j)],
        );
      }
    }
  });

  it("a layer that matches nothing abstains (its defaults do not veto)", () => {
    const b = bundleFor([
      { name: "org", policy: ORG },
      { name: "team", policy: EMPTY_DENY },
    ]);
    const d = evaluate(b, call("http"));
    expect(d.decision).toBe("allow");
    expect(d.matched_rules).toEqual(["org:allow-http"]);
    expect(d.obligations).toEqual([{ id: "audit-note", phase: "pre", params: {} }]);
  });

  it("defaults apply only when every layer abstains, using the strictest across layers", () => {
    const b = bundleFor([
      { name: "org", policy: ORG },
      { name: "team", policy: EMPTY_DENY },
    ]);
    expect(b.defaults).toEqual({ on_no_match: "deny", on_missing_shadow: "approve_required" });
    const d = evaluate(b, call("ftp"));
    expect(d.decision).toBe("deny");
    expect(d.rule_id).toBeNull();
    expect(d.matched_rules).toEqual(["<default:on_no_match>"]);
    expect(d.reason).toBe("no layer matched; default policy");

    const loose = compileOk(
      "version: 1\ndefaults: { on_missing_shadow: allow, on_no_match: allow }\nrules: []\n",
    );
    const strict = compileOk(
      "version: 1\ndefaults: { on_missing_shadow: dry_run, on_no_match: allow }\nrules: []\n",
    );
    const b2 = bundleFor([
      { name: "a", policy: loose },
      { name: "b", policy: strict },
    ]);
    const irreversible = call("x", {}, { declared: { reversible: false, has_shadow: false } });
    const d2 = evaluate(b2, irreversible);
    expect(d2.decision).toBe("dry_run");
    expect(d2.matched_rules).toEqual(["<default:on_missing_shadow>"]);
    expect(evaluate(b2, call("x")).decision).toBe("allow");
  });

  it("ties merge provenance and obligations; the first layer supplies the scalar fields", () => {
    const b = bundleFor([
      { name: "org", policy: ORG },
      { name: "team", policy: TEAM },
    ]);
    const d = evaluate(b, call("deploy"));
    expect(d.decision).toBe("dry_run");
    expect(d.rule_id).toBe("org:dry-deploy");
    expect(d.reason).toBe("org dry-runs deploys");
    expect(d.matched_rules).toEqual(["org:dry-deploy", "team:dry-deploy-too"]);
    expect(d.obligations).toEqual([{ id: "notify-email", phase: "post", params: {} }]);
  });

  it("a transform from one layer beats an allow from another and carries its args", () => {
    const b = bundleFor([
      {
        name: "org",
        policy: compileOk("version: 1\nrules:\n  - { id: any, match: {}, decision: allow }\n"),
      },
      { name: "team", policy: TEAM },
    ]);
    const d = evaluate(b, call("search", { q: "x", limit: 100 }));
    expect(d.decision).toBe("transform");
    expect(d.decision === "transform" && d.args).toEqual({ q: "x", limit: 5 });
    expect(d.matched_rules).toEqual(["team:rewrite"]);
  });

  it("rule errors are layer-tagged and come first", () => {
    const buggy = compileOk(
      "version: 1\nrules:\n  - { id: n-limit, match: { args.n.gt: 1 }, decision: deny }\n",
    );
    const b = bundleFor([
      { name: "org", policy: ORG },
      { name: "team", policy: buggy },
    ]);
    const d = evaluate(b, call("http", { n: "x" }));
    expect(d.decision).toBe("allow");
    expect(d.matched_rules).toEqual(["team:<rule_error:n-limit:TypeError>", "org:allow-http"]);
    const none = evaluate(b, call("ftp", { n: "x" }));
    expect(none.matched_rules).toEqual([
      "team:<rule_error:n-limit:TypeError>",
      "<default:on_no_match>",
    ]);
  });

  it("rejects empty, misnamed and duplicate layers", () => {
    expect(() => bundleFor([])).toThrow(/at least one layer/);
    expect(() =>
      bundleFor([
        { name: "org", policy: ORG },
        { name: "org", policy: TEAM },
      ]),
    ).toThrow(/duplicate layer name/);
    expect(() => bundleFor([{ name: "has:colon", policy: ORG }])).toThrow(/invalid layer name/);
    expect(() => withPlatform([{ name: "platform", policy: ORG }])).toThrow(/reserved/);
  });

  it("tenantBundle puts the platform layer first", () => {
    const b = tenantBundle(ORG);
    expect(b.layers.map((l) => l.name)).toEqual(["platform", "tenant"]);
    expect(b.combiner).toBe("strictest-wins");
    // The platform layer's defaults are allow, so the tenant's own defaults stand.
    expect(b.defaults).toEqual(ORG.defaults);
    expect(evaluate(b, call("http")).matched_rules).toEqual(["tenant:allow-http"]);
  });
});
