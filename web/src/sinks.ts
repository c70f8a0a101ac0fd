/** SIEM sinks in the console: the add form and its conversion to the contract's sink. */
import type { z } from "zod";
import type * as audit from "../../capabilities/audit/contract";

export type SinkConfig = z.input<typeof audit.SinkConfig>;
export type Sink = z.output<typeof audit.Sink>;

export const SINK_KINDS: { kind: SinkConfig["kind"]; label: string }[] = [
  { kind: "webhook", label: "Webhook (NDJSON, HMAC-signed)" },
  { kind: "splunk_hec", label: "Splunk HTTP Event Collector" },
  { kind: "syslog", label: "Syslog (RFC 5424 over TCP/TLS)" },
];

export interface SinkForm {
  kind: SinkConfig["kind"];
  url: string;
  secret: string;
  index: string;
  host: string;
  port: string;
  tls: boolean;
}

export const emptySinkForm = (): SinkForm => ({
  kind: "webhook",
  url: "",
  secret: "",
  index: "",
  host: "",
  port: "6514",
  tls: true,
});

const SECRET_NAME = /^[A-Z][A-Z0-9_]{0,63}$/;

/** The request body for the form, or the first problem by field (the server checks again). */
export function sinkConfigOf(
  form: SinkForm,
): { ok: true; sink: SinkConfig } | { ok: false; path: string; message: string } {
  const secret = form.secret.trim();
  if (form.kind === "syslog") {
    const host = form.host.trim();
    const port = Number(form.port);
    if (!host) return { ok: false, path: "sink.host", message: "Enter the receiver's host." };
    if (!Number.isInteger(port) || port < 1 || port > 65535)
      return { ok: false, path: "sink.port", message: "A port from 1 to 65535." };
    return { ok: true, sink: { kind: "syslog", host, port, tls: form.tls } };
  }
  const url = form.url.trim();
  if (!url) return { ok: false, path: "sink.url", message: "Enter the receiver's URL." };
  if (!SECRET_NAME.test(secret))
    return {
      ok: false,
      path: form.kind === "webhook" ? "sink.secret" : "sink.token_secret",
      message: "A vault secret name, e.g. SIEM_KEY.",
    };
  if (form.kind === "webhook") return { ok: true, sink: { kind: "webhook", url, secret } };
  const index = form.index.trim();
  return {
    ok: true,
    sink: { kind: "splunk_hec", url, token_secret: secret, ...(index ? { index } : {}) },
  };
}

/** Where a sink sends to, as one line. */
export function sinkDestination(config: SinkConfig): string {
  if (config.kind === "syslog")
    return `${config.tls ? "tls" : "tcp"}://${config.host}:${config.port}`;
  return config.url;
}

export const sinkSecret = (config: SinkConfig): string | null =>
  config.kind === "webhook"
    ? config.secret
    : config.kind === "splunk_hec"
      ? config.token_secret
      : null;
