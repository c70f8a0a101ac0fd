import { connect } from "cloudflare:sockets";
import {
  ndjsonBatch,
  octetFrame,
  splunkHecBatch,
  syslog5424,
  webhookSignature,
  type SinkEvent,
} from "../../../core/audit/siem-formats";
import { VaultError } from "../../vault/errors";
import type { VaultSession } from "../../vault/resolve";
import type { VaultPort } from "../../vault/vault-port";
import type { ClockPort, FetchPort, TenantSettings } from "../../../platform/ports";
import type { AuditLog } from "./audit-log";
import { fail, ok, type Result } from "../../../platform/result";

/** Events per request / connection. */
export const SINK_BATCH = 100;
/** Batches per sink per alarm run, so one busy sink cannot hold the object for long. */
const BATCHES_PER_RUN = 50;
const SEND_TIMEOUT_MS = 10_000;
const MAX_BACKOFF_MS = 60_000;

export type SinkConfig =
  | { kind: "webhook"; url: string; secret: string }
  | { kind: "splunk_hec"; url: string; token_secret: string; index?: string }
  | { kind: "syslog"; host: string; port: number; tls: boolean };

export type SinkView = {
  id: string;
  kind: SinkConfig["kind"];
  /** The config with secret references by name (never values). */
  config: SinkConfig;
  last_seq: number;
  lag: number;
  failures: number;
  last_error: string | null;
  last_delivered_at: number | null;
  next_attempt_at: number;
};

type SinkRow = {
  id: string;
  kind: string;
  config: string;
  last_seq: number;
  failures: number;
  last_error: string | null;
  last_delivered_at: number | null;
  next_attempt_at: number;
};

class SinkDown extends Error {}

/**
 * Streams the tenant's audit log to SIEM sinks: each sink has a cursor (the last seq it
 * acknowledged) and is fed in order, in batches, from the Durable Object's alarm. A failure
 * only moves that sink's next attempt back (exponential, capped); the log never waits.
 */
export class SinkDelivery {
  constructor(
    private readonly sql: SqlStorage,
    private readonly audit: AuditLog,
    private readonly tenantId: () => string,
    private readonly ports: {
      vault: VaultPort;
      clock: ClockPort;
      fetch: FetchPort;
      settings: Pick<TenantSettings, "publicOrigin">;
    },
  ) {}

  list(): SinkView[] {
    return this.sql
      .exec<SinkRow>(`SELECT * FROM audit_sinks ORDER BY created_at, id`)
      .toArray()
      .map((r) => ({
        id: r.id,
        kind: r.kind as SinkConfig["kind"],
        config: JSON.parse(r.config) as SinkConfig,
        last_seq: r.last_seq,
        lag: this.audit.size - r.last_seq,
        failures: r.failures,
        last_error: r.last_error,
        last_delivered_at: r.last_delivered_at,
        next_attempt_at: r.next_attempt_at,
      }));
  }

  add(config: SinkConfig, fromSeq: number, now: number): SinkView {
    const id = `snk_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
    this.sql.exec(
      `INSERT INTO audit_sinks (id, kind, config, last_seq, failures, next_attempt_at, created_at)
         VALUES (?, ?, ?, ?, 0, ?, ?)`,
      id,
      config.kind,
      JSON.stringify(config),
      Math.min(fromSeq, this.audit.size),
      now,
      now,
    );
    return this.list().find((s) => s.id === id)!;
  }

  remove(id: string): Result<null> {
    const n = this.sql.exec(`DELETE FROM audit_sinks WHERE id = ?`, id).rowsWritten;
    return n > 0 ? ok(null) : fail("not_found", "No such sink.");
  }

  /**
   * "Test": delivers a sink's backlog now (ending its backoff) or, when it is caught up, sends
   * its last delivered event again — a duplicate with the same seq and hash, which the
   * at-least-once contract already allows — and says whether the receiver took it.
   */
  async test(id: string, now: number): Promise<Result<{ delivered: boolean; sink: SinkView }>> {
    const row = this.sql.exec<SinkRow>(`SELECT * FROM audit_sinks WHERE id = ?`, id).toArray()[0];
    if (!row) return fail("not_found", "No such sink.");
    if (row.last_seq < this.audit.size) {
      await this.deliverOne({ ...row, next_attempt_at: now }, now);
    } else if (row.last_seq > 0) {
      const vault = await this.ports.vault.open();
      try {
        const events = this.audit.events(row.last_seq - 1, 1) as unknown as SinkEvent[];
        await this.send(JSON.parse(row.config) as SinkConfig, events, vault);
        this.sql.exec(`UPDATE audit_sinks SET last_error = NULL WHERE id = ?`, id);
      } catch (e) {
        this.sql.exec(
          `UPDATE audit_sinks SET last_error = ? WHERE id = ?`,
          this.reason(e).slice(0, 200),
          id,
        );
      } finally {
        vault.close();
      }
    }
    const sink = this.list().find((s) => s.id === id)!;
    return ok({ delivered: sink.last_error === null, sink });
  }

  private reason(e: unknown): string {
    return e instanceof SinkDown || e instanceof VaultError
      ? e.message
      : `unreachable: ${(e as Error).name}`;
  }

  /** When the alarm should next run for the sinks, or null if every sink is caught up. */
  nextDue(now: number): number | null {
    const row = this.sql
      .exec<{ at: number | null }>(
        `SELECT MIN(next_attempt_at) AS at FROM audit_sinks WHERE last_seq < ?`,
        this.audit.size,
      )
      .toArray()[0];
    return row?.at == null ? null : Math.max(row.at, now);
  }

  /** Delivers to every due sink, in order, until caught up, down, or out of batches. */
  async deliver(now: number): Promise<void> {
    const due = this.sql
      .exec<SinkRow>(
        `SELECT * FROM audit_sinks WHERE last_seq < ? AND next_attempt_at <= ?`,
        this.audit.size,
        now,
      )
      .toArray();
    for (const row of due) await this.deliverOne(row, now);
  }

  private async deliverOne(row: SinkRow, now: number): Promise<void> {
    const config = JSON.parse(row.config) as SinkConfig;
    let last = row.last_seq;
    let vault: VaultSession | null = null;
    try {
      for (let i = 0; i < BATCHES_PER_RUN && last < this.audit.size; i++) {
        const events = this.audit.events(last, SINK_BATCH) as unknown as SinkEvent[];
        if (events.length === 0) break;
        vault ??= await this.ports.vault.open();
        await this.send(config, events, vault);
        last = events[events.length - 1]!.seq;
        this.sql.exec(
          `UPDATE audit_sinks SET last_seq = ?, failures = 0, last_error = NULL, last_delivered_at = ?, next_attempt_at = ? WHERE id = ?`,
          last,
          this.ports.clock.now(),
          now,
          row.id,
        );
      }
    } catch (e) {
      const failures = row.failures + 1;
      const reason = this.reason(e);
      this.sql.exec(
        `UPDATE audit_sinks SET failures = ?, last_error = ?, next_attempt_at = ? WHERE id = ?`,
        failures,
        reason.slice(0, 200),
        this.ports.clock.now() + Math.min(1000 * 2 ** (failures - 1), MAX_BACKOFF_MS),
        row.id,
      );
    } finally {
      vault?.close();
    }
  }

  private host(): string {
    try {
      return new URL(this.ports.settings.publicOrigin).hostname;
    } catch {
      return "gatehouse";
    }
  }

  private async send(config: SinkConfig, events: SinkEvent[], vault: VaultSession): Promise<void> {
    const range = `${events[0]!.seq}-${events[events.length - 1]!.seq}`;
    if (config.kind === "webhook") {
      const body = ndjsonBatch(events);
      const signature = await webhookSignature(
        // The HMAC key signs what goes to this URL only, so it must be bound to it.
        await vault.resolveFor(config.secret, config.url, {
          kind: "header",
          name: "x-gatehouse-signature",
        }),
        Math.floor(this.ports.clock.now() / 1000),
        body,
      );
      await this.post(config.url, body, {
        "content-type": "application/x-ndjson",
        "x-gatehouse-signature": signature,
        "x-gatehouse-seq-range": range,
        "x-gatehouse-tenant": this.tenantId(),
      });
      return;
    }
    if (config.kind === "splunk_hec") {
      const body = splunkHecBatch(events, {
        host: this.host(),
        ...(config.index ? { index: config.index } : {}),
      });
      await this.post(`${config.url.replace(/\/+$/, "")}/services/collector/event`, body, {
        "content-type": "application/json",
        authorization: `Splunk ${await vault.resolveFor(config.token_secret, config.url, {
          kind: "header",
          name: "authorization",
        })}`,
        "x-splunk-request-channel": crypto.randomUUID(),
      });
      return;
    }
    const socket = connect(
      { hostname: config.host, port: config.port },
      { secureTransport: config.tls ? "on" : "off", allowHalfOpen: false },
    );
    try {
      await socket.opened;
      const writer = socket.writable.getWriter();
      for (const e of events)
        await writer.write(octetFrame(syslog5424(e, { hostname: this.host() })));
      await writer.close();
    } catch (e) {
      throw new SinkDown(`syslog ${config.host}:${config.port}: ${(e as Error).message}`);
    } finally {
      await socket.close().catch(() => {});
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
    await response.body?.cancel();
    if (response.status < 200 || response.status > 299)
      throw new SinkDown(`HTTP ${response.status}`);
  }
}
