/**
 * A pure state machine over a session's tool calls that raises anomaly events for sequences an
 * injected instruction tends to produce: reading a secret or memory and then talking to a host
 * the session has never contacted, and fanning out to many hosts in a short time. State is plain
 * JSON so the Durable Object can checkpoint it with the session.
 */

import { findSecretRefs } from "../secrets/reference";

export type SessionEvent =
  | { type: "secret_read"; at: number; name: string }
  | { type: "memory_read"; at: number }
  | { type: "egress"; at: number; tool: string; host: string }
  /** A tool returned untrusted content with this injection score (see `analyzeInjection`). */
  | { type: "untrusted_content"; at: number; tool: string; score: number }
  | { type: "other"; at: number; tool: string };

export type AnomalyKind =
  | "sensitive_read_then_new_host"
  | "egress_burst"
  /** A call would send a secret to an origin it was never sent to before (raised by the DO). */
  | "secret_new_destination";

export interface AnomalyEvent {
  kind: AnomalyKind;
  /** Human-readable; names hosts, tools and secret names, never values. */
  detail: string;
  at: number;
}

export interface AnomalyConfig {
  /** Distinct hosts within `burstWindowMs` that make a burst (default 5). */
  burstDistinctHosts: number;
  burstWindowMs: number;
  /** How long a secret or memory read taints later egress (ms); Infinity for the whole session. */
  sensitiveReadTaintMs: number;
  /** Tools whose calls read a secret (besides any call whose arguments use `secret:NAME`). */
  secretReadTools: readonly string[];
  /** Tools that read memory outright; the `memory` tool counts when its action is a read. */
  memoryReadTools: readonly string[];
}

export const DEFAULT_ANOMALY_CONFIG: AnomalyConfig = {
  burstDistinctHosts: 5,
  burstWindowMs: 60_000,
  sensitiveReadTaintMs: Number.POSITIVE_INFINITY,
  secretReadTools: ["secret_read", "vault_read", "get_secret"],
  memoryReadTools: ["memory_read", "memory_get", "memory_search", "memory_list"],
};

export interface AnomalyState {
  seenHosts: string[];
  lastSensitiveRead: { at: number; what: string } | null;
  /** Egress inside the burst window, oldest first. */
  recentEgress: { at: number; host: string }[];
  /** A burst was reported and the rate has not dropped below the threshold since. */
  inBurst: boolean;
  /**
   * The highest injection score of untrusted content read in this session (0 when none), so
   * policy can gate later calls on it. Absent in states saved before it existed: read as 0.
   */
  injectionScore?: number;
}

export function initialAnomalyState(): AnomalyState {
  return {
    seenHosts: [],
    lastSensitiveRead: null,
    recentEgress: [],
    inBurst: false,
    injectionScore: 0,
  };
}

export function advanceAnomalies(
  state: AnomalyState,
  event: SessionEvent,
  config: AnomalyConfig = DEFAULT_ANOMALY_CONFIG,
): { state: AnomalyState; anomalies: AnomalyEvent[] } {
  switch (event.type) {
    case "secret_read":
      return {
        state: { ...state, lastSensitiveRead: { at: event.at, what: `secret ${event.name}` } },
        anomalies: [],
      };
    case "memory_read":
      return {
        state: { ...state, lastSensitiveRead: { at: event.at, what: "memory" } },
        anomalies: [],
      };
    case "other":
      return { state, anomalies: [] };
    case "untrusted_content":
      return {
        state: { ...state, injectionScore: Math.max(state.injectionScore ?? 0, event.score) },
        anomalies: [],
      };
    case "egress":
      return egress(state, event, config);
  }
}

function egress(
  state: AnomalyState,
  event: Extract<SessionEvent, { type: "egress" }>,
  config: AnomalyConfig,
): { state: AnomalyState; anomalies: AnomalyEvent[] } {
  const anomalies: AnomalyEvent[] = [];
  const host = event.host.toLowerCase().replace(/\.$/, "");
  const isNew = !state.seenHosts.includes(host);
  const read = state.lastSensitiveRead;
  if (isNew && read && event.at - read.at <= config.sensitiveReadTaintMs) {
    anomalies.push({
      kind: "sensitive_read_then_new_host",
      detail: `${event.tool} to ${host}, a host not contacted before in this session, after reading ${read.what}`,
      at: event.at,
    });
  }
  const recentEgress = [
    ...state.recentEgress.filter((e) => event.at - e.at < config.burstWindowMs),
    { at: event.at, host },
  ];
  const distinct = new Set(recentEgress.map((e) => e.host)).size;
  const bursting = distinct >= config.burstDistinctHosts;
  if (bursting && !state.inBurst) {
    anomalies.push({
      kind: "egress_burst",
      detail: `${distinct} distinct hosts contacted within ${config.burstWindowMs / 1000} s`,
      at: event.at,
    });
  }
  return {
    state: {
      ...state,
      seenHosts: isNew ? [...state.seenHosts, host] : state.seenHosts,
      recentEgress,
      inBurst: bursting,
    },
    anomalies,
  };
}

/** A tool call as the session records it. */
export interface ToolCallRecord {
  tool: string;
  args: unknown;
  /** Milliseconds (any epoch, as long as it is the same for the whole session). */
  at: number;
}

const MEMORY_READ_ACTIONS = new Set(["read", "get", "search", "list", "recall", "query", "load"]);

function strings(value: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 8) return out;
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out, depth + 1);
  else if (value && typeof value === "object") {
    for (const v of Object.values(value)) strings(v, out, depth + 1);
  }
  return out;
}

const field = (args: unknown, key: string): unknown =>
  args && typeof args === "object" && !Array.isArray(args)
    ? (args as Record<string, unknown>)[key]
    : undefined;

function hostOf(url: unknown): string | null {
  if (typeof url !== "string") return null;
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

function emailDomains(to: unknown): string[] {
  const list = Array.isArray(to) ? to : [to];
  return list
    .filter((v): v is string => typeof v === "string")
    .flatMap((addr) => addr.split(","))
    .map((addr) => /@([^@\s>]+)>?\s*$/.exec(addr.trim())?.[1]?.toLowerCase())
    .filter((d): d is string => !!d);
}

/**
 * Turns a recorded tool call into session events. A call whose arguments reference
 * `secret:NAME` yields its egress first and the secret read after it: sending a secret to the
 * host it is meant for is the normal use, but every later new host is then suspicious.
 */
export function classifyToolCall(
  call: ToolCallRecord,
  config: AnomalyConfig = DEFAULT_ANOMALY_CONFIG,
): SessionEvent[] {
  const events: SessionEvent[] = [];
  const { tool, args, at } = call;
  if (tool === "http_fetch") {
    const host = hostOf(field(args, "url"));
    if (host) events.push({ type: "egress", at, tool, host });
  } else if (tool === "send_email") {
    for (const host of emailDomains(field(args, "to")))
      events.push({ type: "egress", at, tool, host });
  }
  const action = field(args, "action") ?? field(args, "op") ?? field(args, "operation");
  if (
    config.memoryReadTools.includes(tool) ||
    (tool === "memory" &&
      typeof action === "string" &&
      MEMORY_READ_ACTIONS.has(action.toLowerCase()))
  ) {
    events.push({ type: "memory_read", at });
  }
  const names = new Set<string>();
  // The same tokenizer as the resolver: whatever it would resolve counts as a secret read here.
  for (const s of strings(args)) for (const r of findSecretRefs(s)) names.add(r.name);
  if (config.secretReadTools.includes(tool)) {
    const name = field(args, "name");
    names.add(typeof name === "string" ? name : "(unnamed)");
  }
  for (const name of names) events.push({ type: "secret_read", at, name });
  return events.length > 0 ? events : [{ type: "other", at, tool }];
}

/** Runs a whole recorded history through the machine; returns every anomaly in order. */
export function detectAnomalies(
  calls: readonly ToolCallRecord[],
  config: AnomalyConfig = DEFAULT_ANOMALY_CONFIG,
): AnomalyEvent[] {
  let state = initialAnomalyState();
  const out: AnomalyEvent[] = [];
  for (const call of calls) {
    for (const event of classifyToolCall(call, config)) {
      const step = advanceAnomalies(state, event, config);
      state = step.state;
      out.push(...step.anomalies);
    }
  }
  return out;
}
