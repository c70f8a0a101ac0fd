/**
 * Audit export format (JSONL; UTF-8; lines end with "\n"; a final "\n" is allowed):
 *
 * - Lines 1..N: the tenant's events in order, seq 1 through N (no gaps, no filtering), one per
 *   line. Each line is a JSON object with exactly the event fields plus `hash`:
 *   `{"actor":{"id":"u_1","kind":"user"},"data":{…},"hash":"<hex>","prev":"<hex>",
 *   "run_id":null,"seq":1,"step_id":null,"ts":"2025-01-31T12:00:00.000Z","type":"policy.pushed"}`.
 *   Writers emit the RFC 8785 canonical JSON of that object (`formatEventLine`), so each line
 *   is the hashed bytes with the `hash` member added; readers accept any JSON spelling.
 * - Last line, always: the trailer, the signed head over exactly those N events,
 *   `{"checkpoint":"<compact JWS>","root":"<hex>","size":N}` (see checkpoint.ts; the member keeps
 *   its first name, `checkpoint`, so exports already written still verify); `size` and
 *   `root` repeat the signed payload for readers that do not decode JWS, and must equal it. The
 *   form without them, `{"checkpoint":"<compact JWS>"}`, is still read. Nothing may follow the
 *   trailer, and an export without one is refused (it may have been cut short). An export of an
 *   empty log is just a trailer of size 0.
 *
 * No blank lines, comments or other record types.
 */
import { canonicalJson } from "../canonical-json";
import { ijsonRulesProblem } from "../ijson";
import { hashedAuditEventProblem, isHex64, type HashedAuditEvent } from "./event";

export type ExportRecord =
  | { kind: "event"; line: number; event: HashedAuditEvent }
  | { kind: "trailer"; line: number; jws: string; claimed: TrailerClaim | null }
  | { kind: "invalid"; line: number; problem: string };

export function formatEventLine(event: HashedAuditEvent): string {
  const { seq, ts, type, run_id, step_id, actor, data, prev, hash } = event;
  return canonicalJson({ seq, ts, type, run_id, step_id, actor, data, prev, hash });
}

/** `,"hash":"` + 64 hex + `"`: the member `formatEventLine` adds to the canonical event JSON. */
export const HASH_MEMBER = ',"hash":"';
export const HASH_MEMBER_LENGTH = HASH_MEMBER.length + 64 + 1;

/**
 * Where the top-level `hash` member starts in a line `formatEventLine` wrote (-1 if absent).
 * It sorts after `actor` and `data`, and only strings and numbers follow it, whose spelling
 * cannot hold an unescaped quote, so its last occurrence is the top-level one.
 */
export function hashMemberIndex(line: string): number {
  return line.lastIndexOf(HASH_MEMBER);
}

/** The chain hash recorded in a stored line. */
export function hashOfLine(line: string): string {
  const at = hashMemberIndex(line) + HASH_MEMBER.length;
  return line.slice(at, at + 64);
}

/** The hashed bytes' text: a stored line without its `hash` member (no re-canonicalising). */
export function canonicalTextOfLine(line: string): string {
  const at = hashMemberIndex(line);
  return line.slice(0, at) + line.slice(at + HASH_MEMBER_LENGTH);
}

/** What a trailer states in the clear: it must match its signed head. */
export interface TrailerClaim {
  size: number;
  root: string;
}

/** The legacy trailer: the signed head alone. */
export function formatLegacyTrailerLine(jws: string): string {
  return canonicalJson({ checkpoint: jws });
}

/** The export's last line: the signed head with the size and root it signs. */
export function formatTrailerLine(head: { jws: string; size: number; root: string }): string {
  const { jws, size, root } = head;
  return canonicalJson({ checkpoint: jws, root, size });
}

/** A whole export: the events' lines, then the trailer if given. */
export function serializeAuditExport(events: Iterable<HashedAuditEvent>, headJws?: string): string {
  let out = "";
  for (const event of events) out += formatEventLine(event) + "\n";
  if (headJws !== undefined) out += formatLegacyTrailerLine(headJws) + "\n";
  return out;
}

/**
 * `parsed` is `JSON.parse(text)` when the caller has it; `strict: false` skips the I-JSON rules,
 * for a line whose bytes the caller has matched to its recorded hash (see the verifier).
 */
function classify(
  text: string,
  line: number,
  hexFormat: boolean,
  parsed?: { value: unknown },
  strict = true,
): ExportRecord {
  if (text.length === 0) return { kind: "invalid", line, problem: "empty line" };
  let value: unknown;
  if (parsed) value = parsed.value;
  else
    try {
      value = JSON.parse(text);
    } catch {
      return { kind: "invalid", line, problem: "not valid JSON" };
    }
  // I-JSON (RFC 8785 §3.1): a duplicate member or a lone surrogate has no single meaning.
  const rules = strict ? ijsonRulesProblem(text) : null;
  if (rules !== null) {
    const where = rules.path ? ` at ${rules.path}` : "";
    return { kind: "invalid", line, problem: `not I-JSON: ${rules.message}${where}` };
  }
  if (typeof value === "object" && value !== null && "checkpoint" in value) {
    const { checkpoint: jws, size, root } = value as Record<string, unknown>;
    const keys = Object.keys(value).length;
    const claimed =
      keys === 3 && Number.isSafeInteger(size) && (size as number) >= 0 && isHex64(root)
        ? { size: size as number, root }
        : null;
    if (typeof jws !== "string" || (keys !== 1 && claimed === null))
      return {
        kind: "invalid",
        line,
        problem: 'a trailer is {"checkpoint": "<jws>", "root": "<hex>", "size": N}',
      };
    return { kind: "trailer", line, jws, claimed };
  }
  const problem = hashedAuditEventProblem(value, hexFormat);
  if (problem !== null) return { kind: "invalid", line, problem };
  return { kind: "event", line, event: value as HashedAuditEvent };
}

/**
 * Classifies export lines one at a time, numbering them from 1 and enforcing the layout rules
 * that involve more than one line (nothing after the trailer). Streaming-friendly.
 */
export class AuditExportReader {
  private lines = 0;
  private trailerLine = 0;

  /** `hexFormat: false` leaves `prev`/`hash` format checks to the caller (see the verifier). */
  constructor(private readonly hexFormat = true) {}

  /**
   * Counts a line the caller has read itself as an event (the verifier's canonical fast path);
   * null once a trailer has been read, when the line must go through `read`.
   */
  countEvent(): number | null {
    return this.trailerLine > 0 ? null : ++this.lines;
  }

  /** A line whose bytes are not UTF-8 (see `splitUtf8Lines`). */
  undecodable(): ExportRecord {
    return { kind: "invalid", line: ++this.lines, problem: "not valid UTF-8" };
  }

  /** `text` is one line without its "\n"; `parsed`/`strict` as for `classify`. */
  read(text: string, parsed?: { value: unknown }, strict = true): ExportRecord {
    const line = ++this.lines;
    if (this.trailerLine > 0)
      return {
        kind: "invalid",
        line,
        problem: `the trailer on line ${this.trailerLine} must be the last line`,
      };
    const bom = line === 1 && text.startsWith("\uFEFF");
    const record = bom
      ? classify(text.slice(1), line, this.hexFormat)
      : classify(text, line, this.hexFormat, parsed, strict);
    if (record.kind === "trailer") this.trailerLine = line;
    return record;
  }
}

/**
 * Splits export bytes into lines (without the final "\n"), each decoded as strict UTF-8: a line
 * that is not well-formed UTF-8 comes out as null rather than with U+FFFD substitutes.
 */
export function* utf8Lines(bytes: Uint8Array): Generator<string | null> {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    try {
      yield decoder.decode(bytes.subarray(start, end));
    } catch {
      yield null;
    }
    start = end + 1;
  }
}

/** Splits export text into lines, ignoring the final "\n". */
export function* exportLines(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf("\n", start);
    if (end === -1) {
      yield text.slice(start);
      return;
    }
    yield text.slice(start, end);
    start = end + 1;
  }
}

export type ParsedAuditExport =
  | { ok: true; events: HashedAuditEvent[]; headJws: string | null }
  | { ok: false; line: number; problem: string };

/** Parses an export's layout and record shapes (not hashes: see `verifyAuditExport`). */
export function parseAuditExport(text: string): ParsedAuditExport {
  const reader = new AuditExportReader();
  const events: HashedAuditEvent[] = [];
  let headJws: string | null = null;
  for (const lineText of exportLines(text)) {
    const record = reader.read(lineText);
    if (record.kind === "invalid") return { ok: false, line: record.line, problem: record.problem };
    if (record.kind === "event") events.push(record.event);
    else headJws = record.jws;
  }
  return { ok: true, events, headJws };
}
