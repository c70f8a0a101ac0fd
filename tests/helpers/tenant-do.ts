import { env } from "cloudflare:test";
import type { Actor } from "../../platform/tenant-types";

export const ALICE: Actor = {
  kind: "user",
  id: "user-alice",
  role: "owner",
  email: "alice@example.com",
};
export const AGENT: Actor = { kind: "agent", id: "run-token" };

let n = 0;
/** A fresh tenant id and its Durable Object stub. */
export function freshTenant() {
  const tenantId = `tenant-${Date.now()}-${++n}`;
  return { tenantId, stub: env.TENANT.get(env.TENANT.idFromName(tenantId)) };
}

type Success<R> = Extract<R, { ok: true }> extends { value: infer T } ? T : never;

/** Unwraps a DO result, failing the test with the DO's error if it is not ok. */
export function value<R extends { ok: boolean }>(result: R): Success<R> {
  const r = result as unknown as { ok: boolean; value?: unknown; code?: string; message?: string };
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value as Success<R>;
}

export const POLICY = `version: 1
defaults:
  on_no_match: deny
  on_missing_shadow: approve_required
rules:
  - id: reads
    match: { tool: read_file }
    decision: allow
  - id: rm
    match: { tool: shell, args.cmd.matches: '^rm ' }
    decision: deny
    reason: "no deletions"
  - id: preview-deploys
    match: { tool: deploy }
    decision: dry_run
  - id: redact-to
    match: { tool: send_report }
    decision: transform
    transform: { jsonpath: "$.args.to", set: "audit@example.com" }
  - id: pay
    match: { tool: pay }
    decision: approve_required
    approvers: [owner]
    timeout_seconds: 600
  - id: quick
    match: { tool: quick_approval }
    decision: approve_required
    timeout_seconds: 1
`;
