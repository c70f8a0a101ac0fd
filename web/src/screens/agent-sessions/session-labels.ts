import type { Tone } from "../../labels";
import type { SessionStatus } from "../../agent-session-events";
import type { Verdict } from "../../tenant-api";

export const SESSION_STATUS_LABELS: Readonly<Record<SessionStatus, string>> = {
  idle: "Ready",
  running: "Working",
  waiting_approval: "Waiting for approval",
  error: "Error",
  cancelled: "Stopped",
};

export const SESSION_STATUS_TONES: Readonly<Record<SessionStatus, Tone>> = {
  idle: "success",
  running: "info",
  waiting_approval: "warning",
  error: "danger",
  cancelled: "neutral",
};

/** In a conversation: allow green, deny red, approval amber, dry run grey, transform blue. */
export const SESSION_VERDICT_TONES: Readonly<Record<Verdict, Tone>> = {
  allow: "success",
  deny: "danger",
  approve_required: "warning",
  dry_run: "neutral",
  transform: "info",
};

export const PROVIDER_LABELS: Readonly<Record<string, string>> = {
  anthropic: "Anthropic",
  openai: "OpenAI-compatible",
};

/** Anomaly kinds from core/untrusted/anomaly.ts, said plainly. */
export const ANOMALY_LABELS: Readonly<Record<string, string>> = {
  sensitive_read_then_new_host: "New host right after reading memory or a secret",
  egress_burst: "Many hosts contacted in a short time",
};
