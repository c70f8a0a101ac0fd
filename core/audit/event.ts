import { canonicalJson } from "../canonical-json";
import { utf8 } from "../encoding";
import { nobleSha256, type Sha256 } from "./sha256";

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export const ACTOR_KINDS = ["user", "token", "agent", "system"] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Who caused an event: a signed-in user, an API token, an agent (run), or Gatehouse itself. */
export interface AuditActor {
  kind: ActorKind;
  id: string;
}

/** What a writer supplies for one event; the log assigns `seq` and `prev`. */
export interface AuditEventInput {
  /** ISO-8601 UTC, e.g. `2025-01-31T12:00:00.000Z`. */
  ts: string;
  /** Dotted event name, e.g. `step.verdict`. */
  type: string;
  run_id: string | null;
  step_id: string | null;
  actor: AuditActor;
  data: JsonValue;
}

/**
 * One audit event as hashed. `seq` is 1-based: the first event of a tenant's log has seq 1 and
 * its `prev` is `GENESIS_PREV`; event n has `prev` = hash of event n-1 and is Merkle leaf n-1.
 */
export interface AuditEvent extends AuditEventInput {
  seq: number;
  /** Hex SHA-256 of the previous event (`GENESIS_PREV` for seq 1). */
  prev: string;
}

/** An event with its own hash: SHA-256 (hex) of `canonicalEventJson(event)`. */
export interface HashedAuditEvent extends AuditEvent {
  hash: string;
}

/** The `prev` of the first event: 32 zero bytes in hex. */
export const GENESIS_PREV = "0".repeat(64);

/** The bytes every audit hash covers: RFC 8785 JSON of exactly the eight event fields. */
export function canonicalEventJson(event: AuditEvent): string {
  const { seq, ts, type, run_id, step_id, actor, data, prev } = event;
  return canonicalJson({ seq, ts, type, run_id, step_id, actor, data, prev });
}

/**
 * `canonicalEventJson` split where the `hash` member of an export line goes (it sorts between
 * `data` and `prev`), built around the data's canonical JSON so that an event is canonicalised
 * exactly once. RFC 8785 spells strings as ECMAScript's JSON.stringify does, and an integer seq
 * as its decimal digits; the member order below is the RFC's (UTF-16 code unit) order.
 */
export function canonicalEventParts(
  event: Omit<AuditEvent, "data">,
  dataJson: string,
): { head: string; tail: string } {
  const str = JSON.stringify;
  const head = `{"actor":{"id":${str(event.actor.id)},"kind":${str(event.actor.kind)}},"data":${dataJson}`;
  const tail =
    `,"prev":${str(event.prev)},"run_id":${str(event.run_id)},"seq":${event.seq}` +
    `,"step_id":${str(event.step_id)},"ts":${str(event.ts)},"type":${str(event.type)}}`;
  return { head, tail };
}

/** The chain hash of an event: hex SHA-256 over its canonical JSON (including `prev`). */
export function hashAuditEvent(event: AuditEvent, sha: Sha256 = nobleSha256): string {
  return sha.hex(utf8.encode(canonicalEventJson(event)));
}

const HEX64 = /^[0-9a-f]{64}$/;
const ISO_UTC =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?Z$/;

export function isHex64(value: unknown): value is string {
  return typeof value === "string" && HEX64.test(value);
}

export function isIsoUtcTimestamp(value: unknown): value is string {
  return typeof value === "string" && ISO_UTC.test(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value.length > 0;
}

/** Why `value` is not a valid `AuditEventInput` (extra fields are not checked), or null. */
export function auditEventInputProblem(value: unknown): string | null {
  if (!isRecord(value)) return "an event must be a JSON object";
  if (!isIsoUtcTimestamp(value.ts)) return 'field "ts" must be an ISO-8601 UTC timestamp';
  if (!isNonEmptyString(value.type)) return 'field "type" must be a non-empty string';
  if (value.run_id !== null && !isNonEmptyString(value.run_id))
    return 'field "run_id" must be a non-empty string or null';
  if (value.step_id !== null && !isNonEmptyString(value.step_id))
    return 'field "step_id" must be a non-empty string or null';
  const actor = value.actor;
  if (
    !isRecord(actor) ||
    !(ACTOR_KINDS as readonly unknown[]).includes(actor.kind) ||
    !isNonEmptyString(actor.id) ||
    Object.keys(actor).length !== 2
  )
    return `field "actor" must be {kind: ${ACTOR_KINDS.join("|")}, id: string}`;
  if (value.data === undefined) return 'field "data" is missing';
  return null;
}

export const PREV_FORMAT = 'field "prev" must be 64 lowercase hex characters';
export const HASH_FORMAT = 'field "hash" must be 64 lowercase hex characters';

const HASHED_EVENT_FIELDS = [
  "seq",
  "ts",
  "type",
  "run_id",
  "step_id",
  "actor",
  "data",
  "prev",
  "hash",
];

/**
 * Why `value` (parsed JSON) is not a valid `HashedAuditEvent`, or null. With `hexFormat: false`
 * `prev` and `hash` need only be strings: a verifier that compares them with hashes it computed
 * checks their format only when they differ (the regexes are a tenth of its time otherwise).
 */
export function hashedAuditEventProblem(value: unknown, hexFormat = true): string | null {
  if (!isRecord(value)) return "an event must be a JSON object";
  const seq = value.seq;
  if (typeof seq !== "number" || !Number.isSafeInteger(seq) || seq < 1)
    return 'field "seq" must be a positive integer';
  const problem = auditEventInputProblem(value);
  if (problem !== null) return problem;
  if (hexFormat ? !isHex64(value.prev) : typeof value.prev !== "string") return PREV_FORMAT;
  if (hexFormat ? !isHex64(value.hash) : typeof value.hash !== "string") return HASH_FORMAT;
  const keys = Object.keys(value);
  if (keys.length !== HASHED_EVENT_FIELDS.length) {
    const extra = keys.find((key) => !HASHED_EVENT_FIELDS.includes(key));
    return `unexpected field ${JSON.stringify(extra)}`;
  }
  return null;
}
