import { slackApprovalMessage } from "../../../core/approvals/slack-message";
import { webhookSignature } from "../../../core/audit/siem-formats";
import type { SecretMatcher } from "../../../core/secrets";
import { signApprovalNotice } from "../approval-link";
import { VaultError } from "../../vault/errors";
import type { VaultPort } from "../../vault/vault-port";
import type { ClockPort, D1Port, FetchPort, TenantSettings } from "../../../platform/ports";
import type { AuditLog } from "../../audit/tenant-do/audit-log";
import { mapJsonStrings } from "../../../platform/redact";
import { fail, ok, type Result } from "../../../platform/result";
import type { RunEngine } from "./runs";
import type { Actor } from "../../../platform/tenant-types";
import type { ApprovalWebhookView, NoticeStatus } from "../contract";
import { database } from "../../../platform/db/client";
import { tenantNameById } from "../../tenancy/tenant-repository";

const SEND_TIMEOUT_MS = 10_000;
const MAX_BACKOFF_MS = 60_000;
/** Notices per alarm run, so a burst of approvals cannot hold the object for long. */
const PER_RUN = 20;

export interface ApprovalWebhookInput {
  url: string;
  /** A vault secret bound to the URL's origin (header `x-gatehouse-signature`). */
  signing_secret?: string | undefined;
}

export type { ApprovalWebhookView, NoticeStatus };

type ConfigRow = {
  url: string;
  signing_secret: string | null;
  updated_by: string;
  created_at: number;
  updated_at: number;
};
type NoticeRow = {
  approval_id: string;
  status: NoticeStatus;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  delivered_at: number | null;
};

class Refused extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

export function maskedUrl(url: string): string {
  const u = new URL(url);
  const rest = `${u.pathname}${u.search}`;
  return rest.length <= 1 ? u.origin : `${u.origin}/***${rest.slice(-4)}`;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * Sends each new approval request to the tenant's webhook as a Slack-compatible message, from
 * the Durable Object's alarm, retrying with exponential backoff until it is delivered, refused
 * for good, or the approval is no longer pending. The log and the approval never wait for it.
 */
export class ApprovalWebhook {
  constructor(
    private readonly sql: SqlStorage,
    private readonly audit: AuditLog,
    private readonly runs: RunEngine,
    private readonly tenantId: () => string,
    private readonly ports: {
      vault: VaultPort;
      db: D1Port;
      clock: ClockPort;
      fetch: FetchPort;
      settings: Pick<TenantSettings, "publicOrigin" | "authPepper">;
    },
  ) {}

  private config(): ConfigRow | null {
    return (
      this.sql.exec<ConfigRow>(`SELECT * FROM approval_webhook WHERE id = 1`).toArray()[0] ?? null
    );
  }

  view(): ApprovalWebhookView | null {
    const c = this.config();
    if (!c) return null;
    const deliveries = this.sql
      .exec<NoticeRow>(
        `SELECT * FROM approval_notifications ORDER BY created_at DESC, approval_id LIMIT 50`,
      )
      .toArray()
      .map((n) => ({
        approval_id: n.approval_id,
        status: n.status,
        attempts: n.attempts,
        last_error: n.last_error,
        delivered_at: iso(n.delivered_at),
        next_attempt_at: n.status === "pending" ? iso(n.next_attempt_at) : null,
      }));
    return {
      url: maskedUrl(c.url),
      origin: new URL(c.url).origin,
      signing_secret: c.signing_secret,
      updated_by: c.updated_by,
      updated_at: new Date(c.updated_at).toISOString(),
      deliveries,
    };
  }

  /** Sets (or replaces) the webhook; approvals requested from now on are sent to it. */
  configure(input: ApprovalWebhookInput, actor: Actor, now: number): ApprovalWebhookView {
    const replaced = this.config() !== null;
    this.audit.atomically(() => {
      this.sql.exec(
        `INSERT INTO approval_webhook (id, url, signing_secret, updated_by, created_at, updated_at)
           VALUES (1, ?1, ?2, ?3, ?4, ?4)
         ON CONFLICT(id) DO UPDATE SET url = ?1, signing_secret = ?2, updated_by = ?3, updated_at = ?4`,
        input.url,
        input.signing_secret ?? null,
        actor.id,
        now,
      );
      this.audit.append({
        type: "approval_webhook.configured",
        runId: null,
        stepId: null,
        actor,
        // The origin only: the rest of a Slack webhook URL is a credential.
        data: {
          origin: new URL(input.url).origin,
          signing_secret: input.signing_secret ?? null,
          replaced,
        },
        now,
      });
    });
    return this.view()!;
  }

  remove(actor: Actor, now: number): Result<null> {
    const c = this.config();
    if (!c) return fail("not_found", "No approval webhook is configured.");
    this.audit.atomically(() => {
      this.sql.exec(`DELETE FROM approval_webhook WHERE id = 1`);
      this.sql.exec(`UPDATE approval_notifications SET status = 'closed' WHERE status = 'pending'`);
      this.audit.append({
        type: "approval_webhook.removed",
        runId: null,
        stepId: null,
        actor,
        data: { origin: new URL(c.url).origin },
        now,
      });
    });
    return ok(null);
  }

  /** Queues a notice for every approval requested since the webhook was configured. */
  enqueue(now: number): void {
    const c = this.config();
    if (!c) return;
    this.sql.exec(
      `INSERT OR IGNORE INTO approval_notifications (approval_id, status, attempts, next_attempt_at, created_at)
         SELECT id, 'pending', 0, ?1, ?1 FROM approvals
          WHERE status = 'pending' AND created_at >= ?2`,
      now,
      c.created_at,
    );
  }

  nextDue(now: number): number | null {
    if (!this.config()) return null;
    const row = this.sql
      .exec<{ at: number | null }>(
        `SELECT MIN(next_attempt_at) AS at FROM approval_notifications WHERE status = 'pending'`,
      )
      .toArray()[0];
    return row?.at == null ? null : Math.max(row.at, now);
  }

  async deliver(now: number): Promise<void> {
    const c = this.config();
    if (!c) return;
    const due = this.sql
      .exec<NoticeRow>(
        `SELECT * FROM approval_notifications WHERE status = 'pending' AND next_attempt_at <= ?
          ORDER BY created_at, approval_id LIMIT ${PER_RUN}`,
        now,
      )
      .toArray();
    if (due.length === 0) return;
    const matcher = await this.ports.vault.matcher();
    const tenantName = await this.tenantName();
    for (const notice of due) await this.deliverOne(c, notice, matcher, tenantName);
  }

  private async tenantName(): Promise<string> {
    const name = await tenantNameById(database(this.ports.db), this.tenantId()).catch(() => null);
    return name ?? this.tenantId();
  }

  private async deliverOne(
    c: ConfigRow,
    notice: NoticeRow,
    matcher: SecretMatcher,
    tenantName: string,
  ): Promise<void> {
    const approval = this.runs.getApproval(notice.approval_id, this.ports.clock.now());
    if (!approval.ok || approval.value.status !== "pending") {
      this.sql.exec(
        `UPDATE approval_notifications SET status = 'closed' WHERE approval_id = ?`,
        notice.approval_id,
      );
      return;
    }
    const a = approval.value;
    const attempts = notice.attempts + 1;
    try {
      const link = await this.link(a.id, Date.parse(a.expires_at) - this.ports.clock.now());
      const message = slackApprovalMessage({
        approvalId: a.id,
        tenantName: matcher.mask(tenantName),
        tool: matcher.mask(a.tool),
        runId: a.run_id,
        argsJson: JSON.stringify(
          mapJsonStrings(a.args, (s) => matcher.mask(s)),
          null,
          2,
        ),
        approvers: a.approvers.map((s) => matcher.mask(s)),
        expiresAt: a.expires_at,
        link,
      });
      const body = JSON.stringify(message);
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (c.signing_secret) headers["x-gatehouse-signature"] = await this.sign(c, body);
      await this.post(c.url, body, headers);
      this.sql.exec(
        `UPDATE approval_notifications SET status = 'delivered', attempts = ?, last_error = NULL, delivered_at = ? WHERE approval_id = ?`,
        attempts,
        this.ports.clock.now(),
        a.id,
      );
    } catch (e) {
      const refused = e instanceof Refused ? e : null;
      const reason =
        refused || e instanceof VaultError
          ? (e as Error).message
          : `unreachable: ${(e as Error).name}`;
      const backoff = refused?.retryAfterMs ?? Math.min(1000 * 2 ** (attempts - 1), MAX_BACKOFF_MS);
      this.sql.exec(
        `UPDATE approval_notifications SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ? WHERE approval_id = ?`,
        refused?.permanent ? "failed" : "pending",
        attempts,
        reason.slice(0, 200),
        this.ports.clock.now() + backoff,
        a.id,
      );
    }
  }

  private async link(approvalId: string, ttlMs: number): Promise<string> {
    const { publicOrigin: origin, authPepper } = this.ports.settings;
    const token = await signApprovalNotice(
      authPepper,
      { tenantId: this.tenantId(), approvalId },
      Math.ceil(ttlMs / 1000),
    );
    return `${origin}/auth/approval-notice?token=${encodeURIComponent(token)}`;
  }

  /** The signing key is read for this URL only: the secret must be bound to its origin. */
  private async sign(c: ConfigRow, body: string): Promise<string> {
    const vault = await this.ports.vault.open();
    try {
      const key = await vault.resolveFor(c.signing_secret!, c.url, {
        kind: "header",
        name: "x-gatehouse-signature",
      });
      return await webhookSignature(key, Math.floor(this.ports.clock.now() / 1000), body);
    } finally {
      vault.close();
    }
  }

  private async post(url: string, body: string, headers: Record<string, string>): Promise<void> {
    const response = await this.ports.fetch(url, {
      method: "POST",
      headers,
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    const text = (await response.text().catch(() => "")).slice(0, 80).replace(/[^\x20-\x7e]/g, "");
    if (response.status >= 200 && response.status <= 299) return;
    const retryAfter = Number(response.headers.get("retry-after"));
    const transient = response.status === 408 || response.status === 429 || response.status >= 500;
    throw new Refused(
      `HTTP ${response.status}${text ? ` ${text}` : ""}`,
      !transient,
      Number.isFinite(retryAfter) && retryAfter > 0
        ? Math.min(retryAfter * 1000, MAX_BACKOFF_MS)
        : null,
    );
  }
}
