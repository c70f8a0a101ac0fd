"""Builds the Lynx conformance fixture: runs Lynx's own compile_policy/evaluate on a corpus of
policies and calls (below) and writes what Lynx decided to
tests/core/policy/fixtures/lynx-conformance.json. The Gatehouse test
(tests/core/policy/conformance.test.ts) checks the engine against that committed file, so CI
needs no Python.

    LYNX_SRC=/path/to/lynx-checkout python3 scripts/lynx-conformance.py

LYNX_SRC is a checkout of the public Lynx repository (hadihonarvar/lynx); only its
src/lynx/core modules and PyYAML are used.
"""

from __future__ import annotations

import json
import os
import pathlib
import sys
from datetime import UTC, datetime

LYNX_SRC = os.environ.get("LYNX_SRC")
if not LYNX_SRC:
    sys.exit("set LYNX_SRC to a checkout of the Lynx repository")
sys.path.insert(0, str(pathlib.Path(LYNX_SRC) / "src"))

import yaml  # noqa: E402
from lynx.core import policy as lynx_policy  # noqa: E402
from lynx.core.types import (  # noqa: E402
    ActionRequest,
    ExecutionContext,
    Principal,
    ToolMetadata,
    canonical_json,
)

OUT = pathlib.Path(__file__).resolve().parent.parent / "tests/core/policy/fixtures/lynx-conformance.json"
TIMESTAMP = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)

CASES: list[dict] = []


def request(call: dict) -> ActionRequest:
    d = call.get("declared", {})
    c = call.get("context", {})
    p = c.get("principal", {})
    ctx = ExecutionContext(
        principal=Principal(kind=p.get("kind", "agent"), id=p.get("id", "a1"), name=p.get("name")),
        environment=c.get("environment", "dev"),
        workspace=c.get("workspace", "/w"),
        correlation_id=c.get("correlation_id", "run-1"),
        step_seq=c.get("step_seq", 0),
        timestamp=TIMESTAMP,
        extra=c.get("extra", {}),
    )
    meta = ToolMetadata(
        cost=d.get("cost", "low"),
        reversible=d.get("reversible", True),
        scope=tuple(d.get("scope", ())),
        blast_radius_hint=d.get("blast_radius_hint"),
        has_shadow=d.get("has_shadow", False),
    )
    return ActionRequest(tool=call.get("tool", "t"), args=call.get("args", {}), declared=meta, context=ctx)


def jsonable(v):
    return json.loads(canonical_json(v))


def outcome(decision) -> dict:
    return {
        "verdict": decision.verdict.value,
        "reason": decision.reason if isinstance(decision.reason, str) or decision.reason is None else str(decision.reason),
        "matched_rules": [str(r) for r in decision.matched_rules],
        "approvers": [str(a) for a in decision.approvers],
        "timeout_seconds": decision.timeout_seconds,
        "transform_args": jsonable(dict(decision.transform_args)) if decision.transform_args is not None else None,
        "obligations": [{"id": o.id, "phase": o.phase, "params": jsonable(dict(o.params))} for o in decision.obligations],
    }


MERGES = {
    "strict_overrides_loose": lynx_policy.strict_overrides_loose,
    "first_layer_wins": lynx_policy.first_layer_wins,
    "last_layer_wins": lynx_policy.last_layer_wins,
}


def run(case: dict) -> dict:
    try:
        if "layers" in case:
            bundle = lynx_policy.compile_policy(
                [lynx_policy.PolicyLayer(name=n, source=src) for n, src in case["layers"]],
                merge=MERGES[case["merge"]],
            )
        else:
            bundle = lynx_policy.compile_policy(case["policy"])
    except Exception as exc:  # Lynx refuses the file (PolicyCompileError or a crash)
        return {"compiles": False, "error": f"{type(exc).__name__}: {exc}"[:300]}
    req = request(case["call"])
    out = []
    return {"compiles": True, **outcome(lynx_policy.evaluate(bundle, req, req.context))}


def add(name: str, policy: str, *calls: dict, **extra) -> None:
    for i, call in enumerate(calls or ({"tool": "t"},)):
        CASES.append({"name": f"{name}#{i}" if len(calls) > 1 else name, "policy": policy, "call": call, **extra})


def add_layers(name: str, layers: list[tuple[str, str]], merge: str, *calls: dict) -> None:
    for i, call in enumerate(calls):
        CASES.append({"name": f"{name}#{i}", "layers": layers, "merge": merge, "call": call})


def one_rule(match: str, decision: str = "allow", extra: str = "") -> str:
    return f"version: 1\ndefaults: {{ on_no_match: deny }}\nrules:\n  - id: r\n    match: {match}\n    decision: {decision}\n{extra}"


def args(**kw) -> dict:
    return {"tool": "t", "args": kw}


# --- every operator against values of every JSON type --------------------------------------
VALUES = {
    "missing": None, "null": "NULL", "int": 5, "float": 2.5, "true": True, "false": False,
    "zero": 0, "one": 1, "str": "abc", "numstr": "5", "empty": "", "list": ["a", 1],
    "emptylist": [], "dict": {"a": 1}, "nested": [["a"]],
}


def value_call(v):
    if v is None:
        return args()
    return args(x=None if v == "NULL" else v)


OPERATOR_RHS = [
    ("eq", ["5", "abc", "true", "1", "null", "[a, 1]", "{a: 1}", "2.5"]),
    ("matches", ["'^ab'", "'b'", "'^abc$'", "'(?i)^AB'", "'\\d'", "'^$'"]),
    ("in", ["[abc, x]", "[5, 6]", "[true]", "[1]", "[null, abc]", "[[a, 1]]", "[]"]),
    ("contains", ["a", "1", "[a]", "abc"]),
    ("contains_any", ["[a, z]", "[1]", "[]"]),
    ("contains_all", ["[a, 1]", "[a, z]", "[]"]),
    ("gt", ["4", "abb", "true", "[a]"]),
    ("ge", ["5", "abc"]),
    ("lt", ["6", "abd", "2.5"]),
    ("le", ["5", "[a, 1]"]),
    ("between", ["[1, 5]", "[a, b]", "[false, true]", "[2.5, 2.5]"]),
    ("not_between", ["[1, 4]", "[a, abc]", "[5, 1]"]),
]
for op, rhss in OPERATOR_RHS:
    for rhs in rhss:
        for vname in ("missing", "null", "int", "float", "true", "zero", "str", "numstr", "list", "emptylist", "dict"):
            add(f"op {op} {rhs} vs {vname}", one_rule(f"{{ args.x.{op}: {rhs} }}"), value_call(VALUES[vname]))

# --- scalar forms in a match: the call carries the string and PyYAML's value ------------------
SCALARS = ["yes", "No", "ON", "off", "y", "n", "Y", "true", "False", "~", "null", "0755", "0x1F",
           "0b101", "1_000", "1:30", "1:30.5", "1.5", "1.", ".5", "-.5", "1e3", "1.5e+3", "e1",
           "0o17", "09", "+1", "-0", ".inf", "-.inf", ".nan", "12:30:45", "20240101", "1.5e3"]
for s in SCALARS:
    resolved = yaml.safe_load(f"v: {s}")["v"]
    calls = [args(x=s)]
    if isinstance(resolved, (bool, int, str)) or (isinstance(resolved, float) and resolved == resolved and abs(resolved) != float("inf")):
        calls.append(args(x=resolved))
    calls.append(args(x=None))
    add(f"scalar {s}", one_rule(f"{{ args.x: {s} }}"), *calls)
    add(f"scalar key {s}", one_rule(f"{{ args.{s}: 1 }}"), {"tool": "t", "args": {s: 1}})
add("scalar .inf ordering", one_rule("{ args.x.lt: .inf }"), args(x=1e308), args(x="a"), args())
add("scalar timestamp", one_rule("{ args.x: 2024-01-01 }"), args(x="2024-01-01"))
add("scalar rule id e1", "version: 1\nrules:\n  - id: e1\n    match: {}\n    decision: allow\n")
add("scalar mapping key n", "version: 1\nrules:\n  - id: r\n    match: { args.n: 1 }\n    decision: allow\n", {"tool": "t", "args": {"n": 1}})

# --- rule fields: coercions Lynx accepts ------------------------------------------------------
for prio in ['"50"', "1.9", "true", "'5_0'", "' 7 '", "null", "abc", "-2", "0x10", "1:00", "'1.5'"]:
    add(f"priority {prio}", f"version: 1\nrules:\n  - id: low\n    priority: 1\n    match: {{}}\n    decision: deny\n  - id: coerced\n    priority: {prio}\n    match: {{}}\n    decision: allow\n")
for rid in ["e1", "5", "0", "''", "null", "true", "1.5", "false", "[]", "'x'", "2024-01-01"]:
    add(f"rule id {rid}", f"version: 1\nrules:\n  - id: {rid}\n    match: {{}}\n    decision: allow\n")
for dec in ["DENY", "Allow", "dry_run", "null", "''", "false", "true", "bogus", "transform"]:
    add(f"decision {dec}", f"version: 1\ndefaults: {{ on_no_match: allow }}\nrules:\n  - id: r\n    match: {{}}\n    decision: {dec}\n")
add("no decision", "version: 1\ndefaults: { on_no_match: allow }\nrules:\n  - id: r\n    match: {}\n")
add("verdict key", "version: 1\nrules:\n  - id: r\n    match: {}\n    verdict: allow\n")
add("decision and verdict", "version: 1\nrules:\n  - id: r\n    match: {}\n    decision: allow\n    verdict: deny\n")
add("no match (departure)", "version: 1\nrules:\n  - id: r\n    decision: allow\n")
add("match null", "version: 1\nrules:\n  - id: r\n    match:\n    decision: allow\n")
add("match empty", "version: 1\nrules:\n  - id: r\n    match: {}\n    decision: allow\n")
add("unknown rule key", "version: 1\nrules:\n  - id: r\n    match: {}\n    decision: allow\n    note: hi\n")
add("unknown top-level key", "version: 1\nextra: 1\nrules:\n  - id: r\n    match: {}\n    decision: allow\n")
add("unknown defaults key", "version: 1\ndefaults: { on_no_match: allow, other: deny }\nrules: []\n")
for v in ["1", "'1'", "2", "1.5", "abc", "true"]:
    add(f"version {v}", f"version: {v}\nrules:\n  - id: r\n    match: {{}}\n    decision: allow\n")
add("duplicate ids", "version: 1\nrules:\n  - id: r\n    match: { tool: a }\n    decision: allow\n  - id: r\n    match: { tool: b }\n    decision: deny\n", {"tool": "a"}, {"tool": "b"}, {"tool": "c"})
add("repeated key", "version: 1\nrules:\n  - id: r\n    match: { tool: a, tool: b }\n    decision: allow\n", {"tool": "a"}, {"tool": "b"})
add("description non-string", "version: 1\nrules:\n  - id: r\n    description: 5\n    match: {}\n    decision: allow\n")
add("reason number", "version: 1\nrules:\n  - id: r\n    reason: 5\n    match: {}\n    decision: deny\n")
add("reason null", "version: 1\nrules:\n  - id: r\n    reason:\n    match: {}\n    decision: deny\n")
add("empty policy", "")
add("rules null", "version: 1\nrules:\n")
add("policy list", "- a\n")
add("rule not a mapping", "version: 1\nrules:\n  - allow\n")
add("approvers", "version: 1\nrules:\n  - id: r\n    match: {}\n    decision: approve_required\n    approvers: [ops, sec]\n    timeout_seconds: 60\n")
add("approvers string (departure)", "version: 1\nrules:\n  - id: r\n    match: {}\n    decision: approve_required\n    approvers: ops\n")
add("approve without timeout", "version: 1\nrules:\n  - id: r\n    match: {}\n    decision: APPROVE_REQUIRED\n    approvers: [ops]\n")

# --- paths -----------------------------------------------------------------------------------
CTX = {"tool": "shell", "args": {"cmd": "ls -la", "n": 3, "o": {"k": "v"}},
       "declared": {"cost": "high", "reversible": False, "scope": ["fs:read", "net"], "has_shadow": True, "blast_radius_hint": 4},
       "context": {"environment": "prod", "workspace": "/srv", "principal": {"kind": "user", "id": "u1", "name": "Ann"},
                   "correlation_id": "run-9", "step_seq": 7, "extra": {"team": "blue", "n": 2}}}
for m in ["{ tool: shell }", "{ tool.in: [git, shell] }", "{ tool.matches: '^sh' }", "{ args.cmd.matches: '^ls' }",
          "{ args.o.k: v }", "{ args.o: { k: v } }", "{ args.cmd.o: 1 }", "{ args.missing.deep: null }",
          "{ declared.cost: high }", "{ declared.reversible: false }", "{ declared.has_shadow: true }",
          "{ declared.blast_radius_hint.ge: 4 }", "{ declared.scope.contains: net }", "{ declared.scope.contains_all: [net, 'fs:read'] }",
          "{ declared.scope: [fs:read, net] }", "{ declared.scope.in: [[fs:read, net]] }", "{ context.environment: prod }",
          "{ context.workspace.matches: '^/srv' }", "{ context.principal.id: u1 }", "{ context.principal.kind: user }",
          "{ context.principal.name: Ann }", "{ context.correlation_id: run-9 }", "{ context.run_id: run-9 }", "{ context.step_seq.gt: 5 }",
          "{ context.extra.team: blue }", "{ context.extra.n.lt: 3 }", "{ context.extra.missing: null }",
          "{ declared.blast_radius_hint: null }", "{ context.principal.name: null }", "{ tool.name: shell }", "{ cmd: ls }",
          "{ arg.cmd: ls }"]:
    add(f"path {m}", one_rule(m), CTX, {"tool": "git"})

# --- composition and predicates ----------------------------------------------------------------
PRED = """version: 1
defaults: { on_no_match: deny }
predicates:
  in_prod: { context.environment: prod }
  is_shell: { tool: shell }
  prod_shell: { all_of: [in_prod, is_shell] }
  risky: { any_of: [{ args.cmd.matches: 'rm\\s' }, { args.force: true }] }
  alias: prod_shell
rules:
"""
for m in ["in_prod", "prod_shell", "alias", "{ not: in_prod }", "{ all_of: [in_prod, risky] }", "{ any_of: [is_shell, risky] }",
          "{ any_of: [] }", "{ all_of: [] }", "{ not: { any_of: [in_prod, is_shell] } }", "{ all_of: [in_prod, { tool: git }] }",
          "{ tool: shell, not: risky }", "unknown_pred", "{ all_of: in_prod }", "{ not: [in_prod] }"]:
    add(f"compose {m}", PRED + f"  - id: r\n    match: {m}\n    decision: allow\n",
        {"tool": "shell", "args": {"cmd": "rm -rf x"}, "context": {"environment": "prod"}},
        {"tool": "shell", "args": {"cmd": "ls"}, "context": {"environment": "dev"}},
        {"tool": "git", "args": {"force": True}, "context": {"environment": "prod"}})

# A literal string equal to a predicate name: Lynx's bundle-id hashing inlines it forever.
add("predicate name as a literal", "version: 1\npredicates:\n  prod: { context.environment: prod }\nrules:\n  - { id: r, match: prod, decision: allow }\n",
    {"tool": "t", "context": {"environment": "prod"}})

# --- evaluation order, shadows, rule errors, defaults ------------------------------------------
ORDER = """version: 1
defaults: { on_no_match: allow, on_missing_shadow: deny }
rules:
  - { id: low, priority: -5, match: { tool: shell }, decision: deny }
  - { id: typed, priority: 10, match: { args.n.gt: 3 }, decision: approve_required, approvers: [ops] }
  - { id: broad, priority: 5, match: { tool: shell }, decision: dry_run }
  - { id: shadowed, priority: 5, match: { tool: shell, args.cmd: ls }, decision: deny }
  - { id: str, priority: 5, match: { args.cmd.contains: 1 }, decision: deny }
  - { id: same, priority: 10, match: { args.n.lt: 0 }, decision: deny }
"""
for call in [args(n=5), args(n="x"), {"tool": "shell", "args": {"n": "x", "cmd": "ls"}}, {"tool": "shell", "args": {"n": 1, "cmd": "ls"}},
             {"tool": "git", "args": {"cmd": "ls"}}, {"tool": "git", "args": {"n": [1]}}, {"tool": "x", "declared": {"reversible": False, "has_shadow": False}},
             {"tool": "x", "declared": {"reversible": False, "has_shadow": True}}, {"tool": "x", "declared": {"reversible": True, "has_shadow": False}},
             {"tool": "x", "args": {"n": {"a": 1}}, "declared": {"reversible": False, "has_shadow": False}}, {"tool": "shell", "args": {"n": None}}]:
    add("order", ORDER, call)
for nm in ["allow", "deny", "dry_run", "approve_required"]:
    for ms in ["allow", "deny", "approve_required"]:
        add(f"defaults {nm}/{ms}", f"version: 1\ndefaults: {{ on_no_match: {nm}, on_missing_shadow: {ms} }}\nrules: []\n",
            {"tool": "x", "declared": {"reversible": False, "has_shadow": False}}, {"tool": "x", "declared": {"reversible": True}})
add("defaults transform", "version: 1\ndefaults: { on_no_match: transform }\nrules: []\n")
add("defaults null", "version: 1\ndefaults: { on_no_match: null }\nrules: []\n")

# --- transforms -----------------------------------------------------------------------------
for t in ["{ jsonpath: '$.args.limit', set: 100 }", "{ jsonpath: '$.args.cmd', append: ' --dry-run' }",
          "{ jsonpath: '$.args.cmd', delete: true }", "{ jsonpath: '$.args.a.b', set: x }", "{ jsonpath: '$.args.n', append: 1 }",
          "{ set: 1 }", "{ jsonpath: '$.other', set: 1 }", "{ jsonpath: '$.args.x', set: 1, delete: true }", "{ jsonpath: '$.args.x' }",
          "{ jsonpath: '$.args.o', set: { k: [1, 2] } }", "{ jsonpath: '$.args.n', append: x }"]:
    add(f"transform {t}", f"version: 1\nrules:\n  - id: r\n    match: {{}}\n    decision: transform\n    transform: {t}\n",
        {"tool": "t", "args": {"limit": 5000, "cmd": "deploy", "n": 3}}, {"tool": "t", "args": {}})
add("transform without block", "version: 1\nrules:\n  - id: r\n    match: {}\n    decision: transform\n")
add("block without transform", "version: 1\nrules:\n  - id: r\n    match: {}\n    decision: allow\n    transform: { jsonpath: '$.args.x', set: 1 }\n")

# --- obligations ------------------------------------------------------------------------------
for ob in ["[{ id: audit-note, phase: post }]", "[{ id: fresh-auth, phase: pre, params: { max_age: 300 } }]",
           "[audit-note]", "[{ id: x }]", "[{ id: x, phase: later }]", "[{ phase: pre }]", "audit-note", "[{ id: x, phase: pre, params: 5 }]",
           "[{ id: a, phase: pre }, { id: b, phase: post, params: { to: ops } }]"]:
    for dec in ["allow", "deny"]:
        add(f"obligations {ob} {dec}", f"version: 1\nrules:\n  - id: r\n    match: {{}}\n    decision: {dec}\n    obligations: {ob}\n")

# --- regex guard -----------------------------------------------------------------------------
for pat in ["'(a+)+'", "'(\\w+)*'", "'(a|a)+'", "'^[a-z]+$'", "'(?P<n>ab)\\1'", "'a{2,3}'", "'['"]:
    add(f"regex {pat}", one_rule(f"{{ args.x.matches: {pat} }}"), args(x="aa"))

# --- layers and merge modes -------------------------------------------------------------------
ORG = "version: 1\ndefaults: { on_no_match: deny }\nrules:\n  - { id: no-rm, match: { args.cmd.matches: '^rm' }, decision: deny, obligations: [{ id: page, phase: post }] }\n  - { id: reads, match: { tool: read }, decision: allow, obligations: [{ id: log, phase: post }] }\n"
TEAM = "version: 1\ndefaults: { on_no_match: allow, on_missing_shadow: allow }\nrules:\n  - { id: team-rm, match: { args.cmd.matches: '^rm -rf' }, decision: deny, obligations: [{ id: page, phase: post }, { id: ticket, phase: pre }] }\n  - { id: team-read, match: { tool: read }, decision: approve_required, approvers: [lead] }\n  - { id: team-write, match: { tool: write }, decision: allow, obligations: [{ id: log, phase: post }] }\n  - { id: team-bad, match: { args.n.gt: 1 }, decision: deny }\n"
USER = "version: 1\nrules:\n  - { id: me-read, match: { tool: read }, decision: allow, obligations: [{ id: log, phase: post }] }\n  - { id: me-write, match: { tool: write }, decision: dry_run }\n"
LAYER_CALLS = [{"tool": "shell", "args": {"cmd": "rm -rf /"}}, {"tool": "shell", "args": {"cmd": "rm x"}}, {"tool": "read"},
               {"tool": "write"}, {"tool": "write", "args": {"n": "x"}}, {"tool": "other"},
               {"tool": "other", "declared": {"reversible": False, "has_shadow": False}}, {"tool": "read", "args": {"n": "s"}}]
for merge in MERGES:
    add_layers(f"layers org+team+user {merge}", [("org", ORG), ("team", TEAM), ("user", USER)], merge, *LAYER_CALLS)
    add_layers(f"layers user+team {merge}", [("user", USER), ("team", TEAM)], merge, *LAYER_CALLS[:5])

# --- a large-ish policy (tool gates and literal blocks) ----------------------------------------
big = "version: 1\ndefaults: { on_no_match: allow }\nrules:\n" + "".join(
    f"  - {{ id: r{i}, priority: {i % 3}, match: {{ tool: shell, args.cmd.matches: '^cmd-{i}/' }}, decision: deny }}\n" for i in range(40)
) + "".join(f"  - {{ id: e{i}, match: {{ tool: shell, args.cmd: 'exact-{i}', args.n.gt: 1 }}, decision: dry_run }}\n" for i in range(10)) \
  + "  - { id: any, priority: -1, match: { args.cmd.in: [cmd-7/x, other] }, decision: approve_required }\n"
for cmd in ["cmd-7/x", "cmd-39/y", "cmd-1/", "cmd-1", "exact-3", "other", 5, None]:
    add("big", big, {"tool": "shell", "args": {"cmd": cmd, "n": 2}}, {"tool": "shell", "args": {"cmd": cmd, "n": "s"}})


def main() -> None:
    cases = []
    for case in CASES:
        call_json = json.loads(canonical_json(request(case["call"])))
        cases.append({k: v for k, v in case.items() if k != "call"} | {"call": call_json, "lynx": run(case)})
    OUT.write_text(json.dumps({"lynx_commit": os.environ.get("LYNX_COMMIT", ""), "cases": cases}, indent=1, sort_keys=True) + "\n")
    print(f"{len(cases)} cases -> {OUT}")


if __name__ == "__main__":
    main()
