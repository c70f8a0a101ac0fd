import type { AgentSessionEngine } from "../capabilities/agent-sessions/tenant-do/sessions";
import type { AuditLog } from "../capabilities/audit/tenant-do/audit-log";
import type { SinkDelivery } from "../capabilities/audit/tenant-do/sinks";
import type { ApprovalWebhook } from "../capabilities/runs/tenant-do/approval-webhook";
import type { RunEngine } from "../capabilities/runs/tenant-do/runs";
import type { ClockPort } from "../platform/ports";
import type { TimedWork } from "./scheduler";

/**
 * Every part of the tenant object with work at a time, in the order the scheduler runs it:
 * expiry before the sessions (an expired approval settles its session in the same pass) and
 * the webhook's enqueue after both (an approval that just expired is not announced).
 */
export function timedWork(
  parts: {
    runs: RunEngine;
    agentSessions: AgentSessionEngine;
    sinks: SinkDelivery;
    approvalWebhook: ApprovalWebhook;
    audit: AuditLog;
  },
  clock: ClockPort,
): TimedWork[] {
  const { runs, agentSessions, sinks, approvalWebhook, audit } = parts;
  const expireApprovals = (now: number) => void runs.expireApprovals(now);
  const closeIdleRuns = (now: number) => void runs.closeIdleRuns(now);
  const signHead = async (now: number) => {
    if (audit.headDue()) await audit.signHead(now);
  };
  return [
    {
      name: "audit sinks",
      nextDue: (now) => sinks.nextDue(now),
      runDue: (now) => sinks.deliver(now),
    },
    {
      name: "approval expiry",
      afterChange: expireApprovals,
      nextDue: () => runs.nextApprovalExpiry(),
      runDue: expireApprovals,
    },
    {
      name: "idle runs",
      afterChange: closeIdleRuns,
      nextDue: () => runs.nextIdleDeadline(),
      runDue: closeIdleRuns,
    },
    {
      name: "agent sessions",
      afterChange: (now) => void agentSessions.resumeSettled(now),
      nextDue: (now) => {
        const due = agentSessions.due(now);
        return due.ids.length > 0 ? now : due.next;
      },
      // A retry's time is kept in the session's row, so `nextDue` sees it afterwards.
      async runDue(now) {
        for (const id of agentSessions.due(now).ids) await agentSessions.advance(id, clock.now);
      },
    },
    {
      name: "approval webhook",
      afterChange: (now) => approvalWebhook.enqueue(now),
      nextDue: (now) => approvalWebhook.nextDue(now),
      runDue: (now) => approvalWebhook.deliver(now),
    },
    {
      name: "signed heads",
      afterChange: signHead,
      nextDue: (now) => (audit.headDue() ? now : null),
      runDue: signHead,
    },
  ];
}
