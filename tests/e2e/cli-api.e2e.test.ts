import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { outboxIds, waitForCode } from "./support/outbox";

// The `gatehouse` CLI against the product started by the global setup (as the README does).
const ORIGIN = "http://localhost:8787";
const BASE = process.env.GATEHOUSE_E2E_URL ?? ORIGIN;
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "gatehouse-cli-"));

let env: NodeJS.ProcessEnv;
let cookie: string;
let tenant: string;

async function gatehouse(...args: string[]) {
  try {
    const { stdout, stderr } = await run("node", ["cli/bin.mjs", ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

async function api<T = unknown>(
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await fetch(`${BASE}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { origin: ORIGIN, cookie, "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<T>;
}

beforeAll(async () => {
  const email = `cli-${Date.now()}@example.com`;
  const seen = await outboxIds(BASE);
  await api("/api/auth/otp/start", { email });
  const res = await fetch(`${BASE}/api/auth/otp/verify`, {
    method: "POST",
    headers: { origin: ORIGIN, "content-type": "application/json" },
    body: JSON.stringify({ email, code: await waitForCode(BASE, email, seen) }),
  });
  cookie = res.headers.getSetCookie()[0]!.split(";")[0]!;
  const me = await api<{ memberships: { tenant_id: string }[] }>("/api/me");
  tenant = me.memberships[0]!.tenant_id;
  const { token } = await api<{ token: string }>(`/api/tenants/${tenant}/tokens`, {
    name: "cli",
    role: "admin",
  });
  env = { ...process.env, GATEHOUSE_URL: BASE, GATEHOUSE_TOKEN: token };
  // `gatehouse approve` decides with the API token, which the tenant must allow.
  const patched = await fetch(`${BASE}/api/tenants/${tenant}`, {
    method: "PATCH",
    headers: { origin: ORIGIN, cookie, "content-type": "application/json" },
    body: JSON.stringify({ tokens_may_approve: true }),
  });
  expect(patched.status).toBe(200);
});

describe("gatehouse CLI over the API", () => {
  it("checks the setup with doctor", async () => {
    const out = await gatehouse("doctor");
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("token accepted (token, role admin");
    expect(out.stdout).toMatch(/WARN mail: RESEND_API_KEY is not set/);
    const bad = await run("node", ["cli/bin.mjs", "doctor"], {
      env: { ...env, GATEHOUSE_TOKEN: "gth_" + "x".repeat(43) },
    }).catch((e: { code: number; stderr: string }) => e);
    expect((bad as { code: number }).code).toBe(1);
  });

  it("pushes a policy, then follows a run through approvals, trace and audit", async () => {
    const policy = join(dir, "policy.yaml");
    writeFileSync(
      policy,
      "version: 1\ndefaults: { on_no_match: deny }\nrules:\n  - id: read\n    match: { tool: read }\n    decision: allow\n  - id: pay\n    match: { tool: pay }\n    decision: approve_required\n",
    );
    const pushed = await gatehouse("policy", "push", policy);
    expect(pushed.code).toBe(0);
    expect(pushed.stdout).toMatch(/^version 2 [0-9a-f]{64}\n$/);
    // Activating is on the step-up list: a person does it (here the signed-in owner).
    await api(`/api/tenants/${tenant}/policies/2/activate`, {});

    const opened = await api<{ run: { id: string }; run_token: string }>(
      `/api/tenants/${tenant}/runs`,
      { agent: "cli-test" },
    );
    const agent = (body: unknown) =>
      fetch(`${BASE}/api/tenants/${tenant}/runs/${opened.run.id}/steps`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${opened.run_token}`,
          "content-type": "application/json",
        },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<{ approval_id: string; verdict: string }>);
    expect((await agent({ tool: "read", idempotency_key: "1" })).verdict).toBe("allow");
    const pay = await agent({ tool: "pay", args: { amount: 3 }, idempotency_key: "2" });

    const runs = await gatehouse("runs");
    expect(runs.stdout).toContain(opened.run.id);
    const pending = await gatehouse("approvals");
    expect(pending.stdout).toContain(pay.approval_id);
    const approved = await gatehouse("approve", pay.approval_id, "--reason", "fine");
    expect(approved.stdout.trim()).toBe(`${pay.approval_id} approved`);
    const again = await gatehouse("approve", pay.approval_id, "--deny");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("approval_closed");

    const trace = await gatehouse("trace", opened.run.id);
    expect(trace.stdout).toMatch(/1\s+read\s+allow\s+executing/);
    expect(trace.stdout).toMatch(/2\s+pay\s+approve_required\s+executing/);

    const file = join(dir, "audit.jsonl");
    expect((await gatehouse("audit", "export", "--out", file)).code).toBe(0);
    const jwks = join(dir, "jwks.json");
    writeFileSync(jwks, await (await fetch(`${BASE}/.well-known/jwks.json`)).text());
    const verified = await gatehouse("audit", "verify", file, "--jwks", jwks);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^ok \d+ events\n$/);
  });

  it("runs the operator's vault status and KEK rewrap with the operator token", async () => {
    const vars = readFileSync(".dev.vars", "utf8");
    const token = /^OPERATOR_TOKEN='([^']+)'/m.exec(vars)?.[1];
    expect(token).toBeTruthy();
    const opEnv = { ...env, GATEHOUSE_OPERATOR_TOKEN: token };
    const status = await run("node", ["cli/bin.mjs", "operator", "vault-status"], { env: opEnv });
    expect(JSON.parse(status.stdout)).toMatchObject({ needs_rewrap: 0 });
    const rewrap = await run("node", ["cli/bin.mjs", "operator", "rewrap"], { env: opEnv });
    expect(rewrap.stdout).toMatch(/^complete: every DEK is wrapped by /);
    const denied = await run("node", ["cli/bin.mjs", "operator", "vault-status"], {
      env: { ...opEnv, GATEHOUSE_OPERATOR_TOKEN: "x".repeat(40) },
    }).catch((e: { code: number }) => e);
    expect((denied as { code: number }).code).toBe(1);
  });

  it("lists MCP servers and grants, and refuses an upstream the egress rules refuse", async () => {
    const servers = await gatehouse("mcp", "servers");
    expect(servers.code).toBe(0);
    expect(servers.stdout).toMatch(/^SERVER\s+URL\s+CREDENTIAL\s+TOOLS\s+STATUS\n$/);
    const grants = await gatehouse("mcp", "grants");
    expect(grants.stdout).toMatch(/^GRANT\s+CLIENT\s+PERSON/);
    const refused = await run(
      "node",
      ["cli/bin.mjs", "mcp", "servers", "add", "meta", "http://169.254.169.254/mcp"],
      {
        env,
      },
    ).catch((e: { code: number; stderr: string }) => e);
    expect((refused as { code: number }).code).toBe(1);
    expect((refused as { stderr: string }).stderr).toMatch(/egress/);
  });

  it("says what is missing when not configured", async () => {
    const out = await run("node", ["cli/bin.mjs", "runs"], {
      env: { PATH: process.env.PATH },
    }).catch((e: { code: number; stderr: string }) => e);
    expect((out as { code: number }).code).toBe(2);
    expect((out as { stderr: string }).stderr).toContain("GATEHOUSE_URL");
  });
});
