import type { AuditEventInput } from "../../core/audit/event";

/** A deterministic mix shaped like a tenant's real traffic: runs of propose/verdict/result. */
export function realisticEvent(i: number): AuditEventInput {
  const ts = new Date(Date.UTC(2025, 0, 1) + i * 173).toISOString();
  const run = `run_01JH${String(Math.floor(i / 40)).padStart(8, "0")}`;
  const step = `stp_01JH${String(i).padStart(10, "0")}`;
  const agent = { kind: "agent" as const, id: "tok_agent_ci_deploy" };
  switch (i % 8) {
    case 0:
      return {
        ts,
        type: "run.started",
        run_id: run,
        step_id: null,
        actor: agent,
        data: {
          agent: "ci-deploy",
          policy_bundle: "9f2c1e".repeat(10) + "ab12",
          labels: { repo: "acme/web", branch: "main" },
        },
      };
    case 1:
    case 4:
      return {
        ts,
        type: "step.proposed",
        run_id: run,
        step_id: step,
        actor: agent,
        data: {
          tool: "http_fetch",
          args: { url: `https://api.github.com/repos/acme/web/pulls/${i % 997}`, method: "GET" },
          idempotency_key: `idem-${i}`,
        },
      };
    case 2:
    case 5:
      return {
        ts,
        type: "step.verdict",
        run_id: run,
        step_id: step,
        actor: { kind: "system", id: "policy" },
        data: {
          verdict: i % 10 === 5 ? "approve_required" : "allow",
          rule: "github-read-only",
          evaluation_us: 3.25,
        },
      };
    case 3:
    case 6:
      return {
        ts,
        type: "step.result",
        run_id: run,
        step_id: step,
        actor: agent,
        data: {
          status: "ok",
          http_status: 200,
          bytes: 18_432 + (i % 4096),
          duration_ms: 143,
          untrusted: true,
          warnings: [],
        },
      };
    default:
      return {
        ts,
        type: "approval.decided",
        run_id: run,
        step_id: step,
        actor: { kind: "user", id: "usr_01JH5Q0ZK8M" },
        data: {
          approval_id: `apr_${i}`,
          decision: "approved",
          reason: "Looks fine — ticket OPS-1234 😀",
        },
      };
  }
}
