// The tenant screens' browser-independent logic, run in Node: routes, navigation by role, tenant
// choice, the tenant API client, live lint helpers, audit verification and formatting.
import { afterEach, describe, expect, it, vi } from "vitest";
import { AuditLogWriter } from "../../core/audit/log-writer";
import { serializeAuditExport } from "../../core/audit/export-format";
import { generateHeadKeyPair, signHead } from "../../core/audit/checkpoint";
import type { HashedAuditEvent } from "../../core/audit/event";
import { ROLES } from "../../core/permissions";
import type { Role } from "../../core/permissions";
import { ApiError, setUnauthenticatedListener } from "../../web/src/api";
import type { Me } from "../../web/src/api";
import { summarizeVerification } from "../../web/src/audit-summary";
import { verifyExport } from "../../web/src/audit-verify";
import { findingFromIssue, lineSeverities, markAt, offsetOf } from "../../web/src/editor-lines";
import { flash, takeFlash } from "../../web/src/flash";
import { authorLabel, formatExpiry, prettyJson, shortId, timeLeft } from "../../web/src/format";
import { labelOf, toneOf, VERDICT_LABELS, VERDICT_TONES } from "../../web/src/labels";
import { isCurrent, sectionOf, splitTabs, tenantHome, visibleNav } from "../../web/src/nav";
import { draftBundleId, lintPolicy } from "../../web/src/policy-lint";
import { href, matchRoute, ROUTES, upgradeLegacyPath } from "../../web/src/routes";
import { SECRET_NAME, secretNameProblem } from "../../web/src/secret-names";
import { fetchJwks, tenantApi } from "../../web/src/tenant-api";
import { allows, chooseTenant, scopesOf } from "../../web/src/tenancy";
import { expiryFor, TOKEN_LIFETIMES } from "../../web/src/token-lifetimes";

const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });

/** The screen and parameters at an address, in a shape the expectations spell out by hand. */
const at = (path: string, search = "") => {
  const m = matchRoute(path, search);
  return m ? { screen: m.route.screen, ...m.params } : { screen: "not-found" };
};
const T = "3f2b7c1e-0000-4000-8000-00000000000a";

describe("routes", () => {
  it("maps every address to its screen, tenant screens under /t/:tenant", () => {
    expect(at("/")).toEqual({ screen: "account" });
    for (const screen of ["runs", "policies", "vault", "members", "tokens", "audit", "mcp"]) {
      expect(at(`/t/${T}/${screen}`)).toEqual({ screen, tenant: T });
      expect(at(`/t/${T}/${screen}/`)).toEqual({ screen, tenant: T });
    }
    expect(at(`/t/${T}/agent-sessions`)).toEqual({ screen: "agent-sessions", tenant: T });
    expect(at(`/t/${T}/agent-sessions/`)).toEqual({ screen: "agent-sessions", tenant: T });
    expect(at(`/t/${T}/sessions`)).toEqual({ screen: "not-found" });
    expect(at(`/t/${T}/approvals`)).toEqual({ screen: "approvals", tenant: T });
    expect(at(`/t/${T}/runs/run_1%2F2`)).toEqual({ screen: "run", tenant: T, runId: "run_1/2" });
    expect(at(`/t/${T}/agent-sessions/ses_1`)).toEqual({
      screen: "agent-session",
      tenant: T,
      sessionId: "ses_1",
    });
    expect(at(`/t/${T}/policies/new`)).toEqual({ screen: "policy-new", tenant: T });
    expect(at(`/t/${T}/policies/3`)).toEqual({ screen: "policy", tenant: T, version: "3" });
    expect(at(`/t/${T}/policies/3/edit`)).toEqual({
      screen: "policy-edit",
      tenant: T,
      version: "3",
    });
    expect(at(`/t/${T}/policies/compare/1/4`)).toEqual({
      screen: "policy-diff",
      tenant: T,
      from: "1",
      to: "4",
    });
    expect(at(`/t/${T}/connect`, "?handle=h")).toEqual({ screen: "connect", tenant: T });
    // Account screens stay outside any tenant.
    expect(at("/invite", "?token=abc.def")).toEqual({ screen: "invite" });
    expect(at("/device", "?code=ABCD")).toEqual({ screen: "device" });
    expect(matchRoute(`/t/${T}/approvals/`, "?tab=decided&id=apr_1")?.query.get("id")).toBe(
      "apr_1",
    );
  });

  it("sends malformed addresses to not-found", () => {
    for (const path of [
      "/nope",
      "/t",
      `/t/${T}`,
      `/t/${T}/nope`,
      `/t/${T}/approvals/x`,
      `/t/${T}/policies/0`,
      `/t/${T}/policies/01`,
      `/t/${T}/policies/x`,
      `/t/${T}/policies/3/delete`,
      `/t/${T}/policies/compare/1`,
      `/t/${T}/policies/compare/a/2`,
      `/t/${T}/runs/a/b`,
      `/t/${T}/runs/%E0%A4%A`,
      `/t/${T}/vault/secret`,
      `/t/${T}/invite`,
      "/t//runs",
      "/invite/x",
      "/runs",
    ]) {
      expect(at(path), path).toEqual({ screen: "not-found" });
    }
  });

  it("builds addresses that parse back", () => {
    expect(href("run", { tenant: T, runId: "run_a b" })).toBe(`/t/${T}/runs/run_a%20b`);
    expect(at(href("run", { tenant: T, runId: "run_a b" }))).toEqual({
      screen: "run",
      tenant: T,
      runId: "run_a b",
    });
    expect(href("policy-diff", { tenant: "a/b", from: "2", to: "5" })).toBe(
      "/t/a%2Fb/policies/compare/2/5",
    );
    expect(at(href("policy-diff", { tenant: "a/b", from: "2", to: "5" }))).toEqual({
      screen: "policy-diff",
      tenant: "a/b",
      from: "2",
      to: "5",
    });
    expect(href("approvals", { tenant: T }, { tab: null, id: "apr_1" })).toBe(
      `/t/${T}/approvals?id=apr_1`,
    );
    expect(href("account", {})).toBe("/");
  });

  it("upgrades addresses from before the tenant was in the URL", () => {
    expect(upgradeLegacyPath("/runs/run_1", "", T)).toBe(`/t/${T}/runs/run_1`);
    expect(upgradeLegacyPath("/policies/compare/1/2/", "", T)).toBe(`/t/${T}/policies/compare/1/2`);
    // An approval notice's old redirect named its tenant and approval.
    expect(upgradeLegacyPath("/approvals", "?tenant=other&approval=apr_9", T)).toBe(
      "/t/other/approvals?id=apr_9",
    );
    expect(upgradeLegacyPath("/approvals", "?tab=decided", T)).toBe(
      `/t/${T}/approvals?tab=decided`,
    );
    expect(upgradeLegacyPath("/connect", "?handle=h%2Fx", T)).toBe(`/t/${T}/connect?handle=h%2Fx`);
    // Agent sessions were at …/sessions before issue 12.
    expect(upgradeLegacyPath(`/t/${T}/sessions`, "", null)).toBe(`/t/${T}/agent-sessions`);
    expect(upgradeLegacyPath(`/t/${T}/sessions/ses_1/`, "?x=1", null)).toBe(
      `/t/${T}/agent-sessions/ses_1?x=1`,
    );
    expect(upgradeLegacyPath("/sessions/ses_1", "", T)).toBe(`/t/${T}/agent-sessions/ses_1`);
    expect(upgradeLegacyPath(`/t/${T}/agent-sessions`, "", T)).toBeNull();
    expect(upgradeLegacyPath(`/t/${T}/sessionsx`, "", T)).toBeNull();
    expect(upgradeLegacyPath(`/t/${T}/sessions/a/b/c`, "", T)).toBeNull();
    for (const [path, search] of [
      ["/", ""],
      ["/invite", "?token=x"],
      ["/device", ""],
      ["/nope", ""],
      ["/runs/a/b", ""],
      [`/t/${T}/runs`, ""],
    ] as const) {
      expect(upgradeLegacyPath(path, search, T), path).toBeNull();
    }
    expect(upgradeLegacyPath("/runs", "", null)).toBeNull();
  });

  it("guards each tenant screen with the permission its data needs", () => {
    const needs = (screen: string) => {
      const r = ROUTES.find((x) => x.screen === screen)!;
      return r.scope === "tenant" ? r.needs : null;
    };
    expect(needs("policy-new")).toBe("policies.write");
    expect(needs("policy-edit")).toBe("policies.write");
    expect(needs("vault")).toBe("secrets.read_metadata");
    expect(needs("audit")).toBe("audit.read");
    expect(needs("account")).toBeNull();
    expect(ROUTES.filter((r) => r.scope === "account").map((r) => r.screen)).toEqual([
      "account",
      "invite",
      "device",
    ]);
    expect(ROUTES.every((r) => r.scope === "account" || r.path.startsWith("/t/:tenant/"))).toBe(
      true,
    );
  });
});

describe("navigation by role", () => {
  const labels = (role: Role | null) =>
    visibleNav(role === null ? null : { id: T, role }).map((i) => i.label);

  it("shows owners and admins every section", () => {
    const all = [
      "Approvals",
      "Runs",
      "Policies",
      "Vault",
      "Members",
      "Tokens",
      "Audit",
      "Conversations",
      "MCP",
      "Account",
    ];
    expect(labels("owner")).toEqual(all);
    expect(labels("admin")).toEqual(all);
  });

  it("links each section inside the tenant", () => {
    expect(visibleNav({ id: T, role: "owner" }).map((i) => i.href)).toEqual([
      `/t/${T}/approvals`,
      `/t/${T}/runs`,
      `/t/${T}/policies`,
      `/t/${T}/vault`,
      `/t/${T}/members`,
      `/t/${T}/tokens`,
      `/t/${T}/audit`,
      `/t/${T}/agent-sessions`,
      `/t/${T}/mcp`,
      "/",
    ]);
    expect(tenantHome({ id: T, role: "viewer" })).toBe(`/t/${T}/approvals`);
  });

  it("knows the section of every tenant screen", () => {
    const section = (screen: string) => sectionOf(ROUTES.find((r) => r.screen === screen)!);
    expect(section("run")).toBe("runs");
    expect(section("runs")).toBe("runs");
    expect(section("policy-diff")).toBe("policies");
    expect(section("policy-edit")).toBe("policies");
    expect(section("agent-session")).toBe("agent-sessions");
    expect(section("connect")).toBeNull();
    expect(section("account")).toBeNull();
  });

  it("hides what a role cannot read", () => {
    expect(labels("operator")).toEqual([
      "Approvals",
      "Runs",
      "Policies",
      "Vault",
      "Members",
      "Conversations",
      "MCP",
      "Account",
    ]);
    expect(labels("viewer")).toEqual([
      "Approvals",
      "Runs",
      "Policies",
      "Members",
      "Conversations",
      "MCP",
      "Account",
    ]);
    expect(labels("auditor")).toEqual([
      "Approvals",
      "Runs",
      "Policies",
      "Vault",
      "Members",
      "Tokens",
      "Audit",
      "Conversations",
      "MCP",
      "Account",
    ]);
    expect(labels(null)).toEqual(["Account"]);
  });

  it("agrees with the route guards for every role", () => {
    const owner = visibleNav({ id: T, role: "owner" });
    for (const role of ROLES) {
      const visible = visibleNav({ id: T, role }).map((i) => i.href);
      for (const item of owner) {
        const route = matchRoute(item.href)!.route;
        const scope = { id: T, name: "T", role };
        expect(visible.includes(item.href), `${role} ${item.href}`).toBe(
          route.scope === "account" || allows(scope, route.needs),
        );
      }
    }
  });

  it("marks the section of nested addresses as current", () => {
    expect(isCurrent(`/t/${T}/runs`, `/t/${T}/runs`)).toBe(true);
    expect(isCurrent(`/t/${T}/runs`, `/t/${T}/runs/run_1`)).toBe(true);
    expect(isCurrent(`/t/${T}/runs`, `/t/${T}/runsx`)).toBe(false);
    expect(isCurrent(`/t/a/runs`, `/t/b/runs`)).toBe(false);
    expect(isCurrent("/", "/")).toBe(true);
    expect(isCurrent("/", `/t/${T}/runs`)).toBe(false);
  });

  it("puts four sections in the tab bar and the rest behind More, unless only one is left", () => {
    const split = (role: Role | null) =>
      splitTabs(visibleNav(role === null ? null : { id: T, role }));
    const owner = split("owner");
    expect(owner.tabs.map((i) => i.label)).toEqual(["Approvals", "Runs", "Policies", "Vault"]);
    expect(owner.more.map((i) => i.label)).toEqual([
      "Members",
      "Tokens",
      "Audit",
      "Conversations",
      "MCP",
      "Account",
    ]);
    const viewer = split("viewer");
    expect(viewer.tabs.map((i) => i.label)).toEqual(["Approvals", "Runs", "Policies", "Members"]);
    expect(viewer.more.map((i) => i.label)).toEqual(["Conversations", "MCP", "Account"]);
    const operator = split("operator");
    expect(operator.more.map((i) => i.label)).toEqual([
      "Members",
      "Conversations",
      "MCP",
      "Account",
    ]);
    expect(split(null)).toEqual({
      tabs: [{ screen: "account", href: "/", label: "Account", needs: null }],
      more: [],
    });
  });
});

describe("tenancy", () => {
  const me = (memberships: { tenant_id: string; tenant_name: string; role: string }[]): Me => ({
    user: { id: "u", email: "ada@example.com", created_at: "2026-01-01T00:00:00Z" },
    memberships,
    session: { id: "s", authenticated_at: "", step_up_valid_until: "" },
    has_passkey: false,
  });

  it("keeps memberships with known roles, in order", () => {
    const scopes = scopesOf(
      me([
        { tenant_id: "a", tenant_name: "A", role: "owner" },
        { tenant_id: "b", tenant_name: "B", role: "superuser" },
        { tenant_id: "c", tenant_name: "C", role: "viewer" },
      ]),
    );
    expect(scopes).toEqual([
      { id: "a", name: "A", role: "owner" },
      { id: "c", name: "C", role: "viewer" },
    ]);
  });

  it("prefers the remembered tenant while the person still belongs to it", () => {
    const scopes = scopesOf(
      me([
        { tenant_id: "a", tenant_name: "A", role: "owner" },
        { tenant_id: "c", tenant_name: "C", role: "viewer" },
      ]),
    );
    expect(chooseTenant(scopes, "c")?.id).toBe("c");
    expect(chooseTenant(scopes, "gone")?.id).toBe("a");
    expect(chooseTenant(scopes, null)?.id).toBe("a");
    expect(chooseTenant([], "a")).toBeNull();
  });

  it("answers permission questions from the role matrix", () => {
    const viewer = { id: "t", name: "T", role: "viewer" as const };
    expect(allows(viewer, "runs.read")).toBe(true);
    expect(allows(viewer, "approvals.decide")).toBe(false);
    expect(allows(viewer, "secrets.read_metadata")).toBe(false);
    expect(allows(null, "runs.read")).toBe(false);
  });
});

describe("tenant API client", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setUnauthenticatedListener(() => {});
  });

  function stubFetch(response: () => Response = () => jsonResponse(200, { ok: true })) {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => response());
    vi.stubGlobal("fetch", fetchMock);
    return (i: number) => {
      const [url, init] = fetchMock.mock.calls[i]!;
      return {
        url,
        method: init?.method,
        body: init?.body === undefined ? undefined : JSON.parse(String(init.body)),
        headers: init?.headers as Record<string, string>,
      };
    };
  }

  it("scopes every path to the escaped tenant id", async () => {
    const call = stubFetch();
    const t = tenantApi("ten/ant");
    await t.members();
    await t.removeMember("u/1");
    await t.revokeToken("tok 1");
    expect(call(0).url).toBe("/api/tenants/ten%2Fant/members");
    expect(call(1)).toMatchObject({
      url: "/api/tenants/ten%2Fant/members/u%2F1",
      method: "DELETE",
    });
    expect(call(2).url).toBe("/api/tenants/ten%2Fant/tokens/tok%201");
  });

  it("sends secret values only in a PUT body, never in the address", async () => {
    const call = stubFetch();
    const t = tenantApi("t1");
    await t.putSecret("OPENAI_API_KEY", "sk-test-value");
    await t.answerSecretRequest("req_1", "ghp_value");
    expect(call(0)).toMatchObject({
      url: "/api/tenants/t1/secrets/OPENAI_API_KEY",
      method: "PUT",
      body: { value: "sk-test-value" },
    });
    expect(call(0).headers["content-type"]).toBe("application/json");
    expect(call(1)).toMatchObject({
      url: "/api/tenants/t1/secret-requests/req_1/answer",
      method: "POST",
      body: { value: "ghp_value" },
    });
  });

  it("builds the runtime calls: policies, runs, approvals and audit pages", async () => {
    const call = stubFetch();
    const t = tenantApi("t1");
    await t.createPolicy("version: 1\n");
    await t.activatePolicy(3);
    await t.runs(null, 25);
    await t.runs("1790000000000", 25);
    await t.cancelRun("run_1");
    await t.cancelRun("run_1", "stuck");
    await t.approvals();
    await t.decide("apr_1", "deny", "not this one");
    await t.auditEvents({ after: 50, limit: 50 });
    await t.auditEvents({ after: 0, limit: 10, type: "approval.approved" });
    await t.createToken({ name: "CI", role: "viewer", expires_at: "2027-01-01T00:00:00.000Z" });
    expect(call(0)).toMatchObject({
      url: "/api/tenants/t1/policies",
      method: "POST",
      body: { source: "version: 1\n" },
    });
    expect(call(1)).toMatchObject({ url: "/api/tenants/t1/policies/3/activate", method: "POST" });
    expect(call(2).url).toBe("/api/tenants/t1/runs?limit=25");
    expect(call(3).url).toBe("/api/tenants/t1/runs?limit=25&cursor=1790000000000");
    expect(call(4).body).toEqual({});
    expect(call(5).body).toEqual({ reason: "stuck" });
    expect(call(6)).toMatchObject({
      url: "/api/tenants/t1/approvals?status=pending",
      method: "GET",
    });
    expect(call(7)).toMatchObject({
      url: "/api/tenants/t1/approvals/apr_1/decision",
      body: { decision: "deny", reason: "not this one" },
    });
    expect(call(8).url).toBe("/api/tenants/t1/audit/events?after=50&limit=50");
    expect(call(9).url).toBe(
      "/api/tenants/t1/audit/events?after=0&limit=10&type=approval.approved",
    );
    expect(call(10).body).toEqual({
      name: "CI",
      role: "viewer",
      expires_at: "2027-01-01T00:00:00.000Z",
    });
  });

  it("downloads the audit export as text with the server's file name", async () => {
    const call = stubFetch(
      () =>
        new Response('{"seq":1}\n{"checkpoint":"x.y.z"}\n', {
          status: 200,
          headers: {
            "content-type": "application/x-ndjson",
            "content-disposition": 'attachment; filename="audit-t1-1.jsonl"',
          },
        }),
    );
    const exported = await tenantApi("t1").auditExport();
    expect(exported).toEqual({
      text: '{"seq":1}\n{"checkpoint":"x.y.z"}\n',
      bytes: new TextEncoder().encode('{"seq":1}\n{"checkpoint":"x.y.z"}\n'),
      filename: "audit-t1-1.jsonl",
    });
    expect(call(0)).toMatchObject({ url: "/api/tenants/t1/audit/export", method: "GET" });
    expect(call(0).headers.accept).toBe("*/*");
    const jwksCall = stubFetch(() => jsonResponse(200, { keys: [] }));
    await expect(fetchJwks()).resolves.toEqual({ keys: [] });
    expect(jwksCall(0)).toMatchObject({ url: "/.well-known/jwks.json", method: "GET" });
  });

  it("turns refusals into ApiErrors and reports a lost session from tenant calls", async () => {
    const unauthenticated = vi.fn();
    setUnauthenticatedListener(unauthenticated);
    let status = 403;
    stubFetch(() =>
      jsonResponse(status, {
        error: {
          code: status === 403 ? "step_up_required" : "unauthenticated",
          message: "Confirm it's you.",
          issues: [],
        },
      }),
    );
    const t = tenantApi("t1");
    await expect(t.rotateDek()).rejects.toMatchObject({ status: 403, code: "step_up_required" });
    expect(unauthenticated).not.toHaveBeenCalled();
    status = 401;
    await expect(t.keys()).rejects.toBeInstanceOf(ApiError);
    expect(unauthenticated).toHaveBeenCalledTimes(1);
  });

  it("keeps policy lint issues from a refused save", async () => {
    stubFetch(() =>
      jsonResponse(400, {
        error: {
          code: "policy_invalid",
          message: "The policy has errors.",
          issues: [{ path: "4:15", message: 'error: unknown verdict "alow"' }],
        },
      }),
    );
    const error = (await tenantApi("t1")
      .createPolicy("x")
      .catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe("policy_invalid");
    expect(error.issues.map(findingFromIssue)).toEqual([
      { severity: "error", line: 4, column: 15, message: 'unknown verdict "alow"' },
    ]);
  });
});

describe("live policy lint", () => {
  const broken = `version: 1
rules:
  - id: a
    match: { tool: search }
    decision: alow
  - id: b
    match: { tool.matches: '(a+)+' }
    decision: deny
`;

  it("reports each problem with line and column, sorted", () => {
    const report = lintPolicy(broken);
    expect(report.ok).toBe(false);
    expect(report.policy).toBeNull();
    expect(report.errors).toBeGreaterThanOrEqual(2);
    const first = report.diagnostics[0]!;
    expect([first.line, first.column, first.severity]).toEqual([5, 15, "error"]);
    expect(first.message).toContain('unknown verdict "alow"');
    const positions = report.diagnostics.map((d) => d.line * 1000 + d.column);
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
    expect(report.diagnostics.some((d) => d.line === 7)).toBe(true);
  });

  it("gives a valid draft the bundle id the server records, whatever its formatting", async () => {
    const a = lintPolicy(
      "version: 1\nrules:\n  - id: a\n    match: { tool: search }\n    decision: allow\n",
    );
    const b = lintPolicy(
      "# comment\nversion: 1\nrules:\n  - match:\n      tool: search\n    id: a\n    decision: ALLOW\n",
    );
    expect(a.ok && b.ok).toBe(true);
    const idA = await draftBundleId(a);
    expect(idA).toMatch(/^[0-9a-f]{64}$/);
    expect(await draftBundleId(b)).toBe(idA);
    expect(await draftBundleId(lintPolicy(broken))).toBeNull();
  });
});

describe("editor helpers", () => {
  const text = "version: 1\nrules:\n  - decision: alow\n";

  it("marks the worst finding per line", () => {
    const marks = lineSeverities([
      { severity: "warning", line: 2, column: 1, message: "w" },
      { severity: "error", line: 3, column: 15, message: "e" },
      { severity: "warning", line: 3, column: 1, message: "w" },
      { severity: "error", line: 2, column: 1, message: "e" },
    ]);
    expect([...marks.entries()].sort()).toEqual([
      [2, "error"],
      [3, "error"],
    ]);
  });

  it("finds the caret offset of line:column, clamped to the text", () => {
    expect(text.slice(offsetOf(text, 3, 15), offsetOf(text, 3, 15) + 4)).toBe("alow");
    expect(offsetOf(text, 1, 1)).toBe(0);
    expect(offsetOf(text, 2, 99)).toBe(text.indexOf("\n", 11)); // end of line 2
    expect(offsetOf(text, 99, 1)).toBe(text.length);
  });

  it("cuts a line around the token a finding points at", () => {
    expect(markAt("  - decision: alow", 15)).toEqual(["  - decision: ", "alow", ""]);
    expect(markAt("match: { tool.x: 1 }", 10)).toEqual(["match: { ", "tool.x:", " 1 }"]);
    expect(markAt("abc", 9)).toEqual(["abc", " ", ""]);
    expect(markAt("a  b", 2)).toEqual(["a", " ", " b"]);
  });

  it("reads the server's line:col issues and ignores others", () => {
    expect(findingFromIssue({ path: "2:3", message: "warning: never fires" })).toEqual({
      severity: "warning",
      line: 2,
      column: 3,
      message: "never fires",
    });
    expect(findingFromIssue({ path: "source", message: "too long" })).toBeNull();
  });
});

describe("audit verification in the browser", () => {
  const bytesOf = (text: string) => new TextEncoder().encode(text);

  async function signedExport(count: number) {
    const writer = AuditLogWriter.empty();
    const events: HashedAuditEvent[] = [];
    for (let i = 0; i < count; i++) {
      events.push(
        writer.append({
          ts: `2026-11-22T20:00:0${i}.000Z`,
          type: "step.proposed",
          run_id: "run_1",
          step_id: null,
          actor: { kind: "agent", id: "run_1" },
          data: { n: i },
        }).event,
      );
    }
    const { privateJwk, publicJwk } = await generateHeadKeyPair();
    const jws = await signHead(writer.head("t1", "2026-11-22T20:01:00Z"), privateJwk);
    return { events, jws, jwks: { keys: [publicJwk] }, root: writer.root(), kid: publicJwk.kid };
  }

  it("confirms an intact export with its count, root and signing key", async () => {
    const log = await signedExport(3);
    const summary = await verifyExport(
      bytesOf(serializeAuditExport(log.events, log.jws)),
      log.jwks,
      "t1",
    );
    expect(summary).toEqual({
      ok: true,
      text: `✓ 3 events verified, root ${log.root.slice(0, 16)}…, signed by kid ${log.kid}`,
    });
  });

  it("names the first bad seq of a tampered export", async () => {
    const log = await signedExport(3);
    const tampered = serializeAuditExport(log.events, log.jws).replace('"n":1', '"n":7');
    const summary = await verifyExport(bytesOf(tampered), log.jwks, "t1");
    expect(summary.ok).toBe(false);
    expect(summary.text).toMatch(/^✗ Verification failed at seq 2 \(line 2\): bad hash/);
  });

  it("refuses keys from another signer and a malformed JWKS", async () => {
    const log = await signedExport(2);
    const other = await generateHeadKeyPair();
    const text = bytesOf(serializeAuditExport(log.events, log.jws));
    const wrongKey = await verifyExport(
      text,
      { keys: [{ ...other.publicJwk, kid: log.kid }] },
      "t1",
    );
    expect(wrongKey.ok).toBe(false);
    expect(wrongKey.text).toContain("bad signature");
    expect(await verifyExport(text, { nope: true }, "t1")).toEqual({
      ok: false,
      text: "✗ The published keys (/.well-known/jwks.json) are not a JWKS.",
    });
  });

  it("refuses another tenant's genuine export, invalid UTF-8 and duplicate members", async () => {
    const log = await signedExport(2);
    const text = serializeAuditExport(log.events, log.jws);
    const foreign = await verifyExport(bytesOf(text), log.jwks, "t2");
    expect(foreign.ok).toBe(false);
    expect(foreign.text).toContain("wrong tenant: the export is signed for tenant t1, not t2");

    const bytes = bytesOf(text);
    const badByte = bytes.indexOf(0x0a) + 5; // inside line 2
    bytes[badByte] = 0xff;
    const undecodable = await verifyExport(bytes, log.jwks, "t1");
    expect(undecodable.text).toMatch(
      /^✗ Verification failed at seq 2 \(line 2\): .*not valid UTF-8/,
    );

    const duplicated = text.replace('"data":{"n":0}', '"data":{"n":0,"n":0}');
    expect(duplicated).not.toBe(text);
    const dup = await verifyExport(bytesOf(duplicated), log.jwks, "t1");
    expect(dup.text).toMatch(
      /^✗ Verification failed at seq 1 \(line 1\): .*duplicate member name "n"/,
    );
  });

  it("says when a signature was not checked", () => {
    expect(
      summarizeVerification({
        ok: true,
        events: 1,
        root: "ab".repeat(32),
        head: {
          tenant: "t",
          size: 1,
          root: "ab".repeat(32),
          ts: "2026-01-01T00:00:00Z",
          kid: "k",
          signature: "unchecked",
        },
      }).text,
    ).toBe(`✓ 1 event verified, root ${"ab".repeat(8)}…, signature not checked`);
  });
});

describe("formatting and labels", () => {
  it("counts down approvals in minutes, and hours past an hour", () => {
    expect(timeLeft(1799)).toBe("29:59");
    expect(timeLeft(59.2)).toBe("1:00");
    expect(timeLeft(3600)).toBe("1:00:00");
    expect(timeLeft(3725)).toBe("1:02:05");
    expect(timeLeft(-5)).toBe("0:00");
  });

  it("shortens long ids but leaves short ones alone", () => {
    expect(shortId("0123456789abcdef0123")).toBe("0123456789ab…");
    expect(shortId("0123456789abc")).toBe("0123456789abc");
    expect(shortId("run_12345678", 4)).toBe("run_…");
  });

  it("names authors as people where it can", () => {
    const emails = new Map([["u1", "ada@example.com"]]);
    expect(authorLabel("user:u1", emails)).toBe("ada@example.com");
    expect(authorLabel("user:u2", emails)).toBe("a former member");
    expect(authorLabel("token:t1", emails)).toBe("an API token");
    expect(authorLabel("system:gatehouse", emails)).toBe("Gatehouse");
    expect(authorLabel("something else", emails)).toBe("something else");
  });

  it("formats JSON, expiries and unknown labels", () => {
    expect(prettyJson({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(prettyJson(undefined)).toBe("null");
    expect(formatExpiry(null)).toBe("never");
    expect(labelOf(VERDICT_LABELS, "approve_required")).toBe("Needs approval");
    expect(toneOf(VERDICT_TONES, "deny")).toBe("danger");
    expect(labelOf(VERDICT_LABELS, "escalate")).toBe("escalate");
    expect(toneOf(VERDICT_TONES, "escalate")).toBe("neutral");
  });

  it("carries one notice to the next screen, once", () => {
    flash("Saved as version 3.");
    expect(takeFlash()).toBe("Saved as version 3.");
    expect(takeFlash()).toBeNull();
  });
});

describe("form rules", () => {
  it("accepts the secret names the vault accepts", () => {
    expect(secretNameProblem("OPENAI_API_KEY")).toBeNull();
    expect(secretNameProblem("A")).toBeNull();
    expect(secretNameProblem("")).toBe("Name the secret.");
    for (const bad of ["openai", "1KEY", "_KEY", "KEY-1", "A".repeat(65)]) {
      expect(secretNameProblem(bad), bad).not.toBeNull();
    }
    expect(SECRET_NAME.test("A".repeat(64))).toBe(true);
  });

  it("turns a token lifetime into an ISO expiry, or none", () => {
    const now = Date.parse("2026-11-22T20:00:00.000Z");
    expect(expiryFor(30, now)).toBe("2026-12-22T20:00:00.000Z");
    expect(expiryFor(null, now)).toBeUndefined();
    expect(TOKEN_LIFETIMES.map((l) => l.days)).toEqual([7, 30, 90, 365, null]);
  });
});
