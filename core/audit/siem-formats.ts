/**
 * Wire formats for streaming audit events to a SIEM: a generic webhook (NDJSON batches signed
 * with HMAC-SHA256 over `<timestamp>.<body>`), Splunk HTTP Event Collector (concatenated JSON
 * event envelopes), and syslog (RFC 5424 messages, RFC 6587 octet-counting framing). Every
 * event carries its seq and hash, so a receiver de-duplicates at-least-once deliveries.
 */
import { toHex, utf8 } from "../encoding";

export interface SinkEvent {
  seq: number;
  ts: string;
  type: string;
  hash: string;
  [field: string]: unknown;
}

export function ndjsonBatch(events: readonly SinkEvent[]): string {
  return events.map((e) => `${JSON.stringify(e)}\n`).join("");
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>` */
export async function webhookSignature(
  secret: string,
  timestamp: number,
  body: string,
): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    utf8.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", key, utf8.encode(`${timestamp}.${body}`));
  return `t=${timestamp},v1=${toHex(new Uint8Array(mac))}`;
}

/** Splunk HEC `/services/collector/event` batch: one JSON envelope per event, concatenated. */
export function splunkHecBatch(
  events: readonly SinkEvent[],
  opts: { host: string; source?: string; sourcetype?: string; index?: string },
): string {
  return events
    .map((event) =>
      JSON.stringify({
        time: Date.parse(event.ts) / 1000,
        host: opts.host,
        source: opts.source ?? "gatehouse",
        sourcetype: opts.sourcetype ?? "gatehouse:audit",
        ...(opts.index ? { index: opts.index } : {}),
        event,
      }),
    )
    .join("\n");
}

const SD_ID = "gatehouse@32473";
const sdValue = (v: string) => v.replace(/[\\"\]]/g, (c) => `\\${c}`);
const printable = (v: string, max: number) =>
  (v.replace(/[^\x21-\x7e]/g, "_") || "-").slice(0, max);

/**
 * RFC 5424: `<PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [SD] MSG`, facility 13 (log audit),
 * severity 6 (informational); the event's seq and hash as structured data, its JSON as MSG.
 */
export function syslog5424(event: SinkEvent, opts: { hostname: string; appName?: string }): string {
  const pri = 13 * 8 + 6;
  const sd = `[${SD_ID} seq="${event.seq}" hash="${sdValue(event.hash)}" tenant_event="${sdValue(event.type)}"]`;
  return `<${pri}>1 ${event.ts} ${printable(opts.hostname, 255)} ${printable(opts.appName ?? "gatehouse", 48)} - ${printable(event.type, 32)} ${sd} ${JSON.stringify(event)}`;
}

/** RFC 6587 §3.4.1 octet counting: `<byte length> <message>`. */
export function octetFrame(message: string): Uint8Array {
  const bytes = utf8.encode(message);
  const prefix = utf8.encode(`${bytes.length} `);
  const out = new Uint8Array(prefix.length + bytes.length);
  out.set(prefix);
  out.set(bytes, prefix.length);
  return out;
}
