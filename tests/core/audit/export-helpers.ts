/** Builds real, signed audit exports for tests (core and CLI). */
import {
  headJwks,
  generateHeadKeyPair,
  signHead,
  type HeadPrivateJwk,
  type HeadPublicJwk,
} from "../../../core/audit/checkpoint";
import {
  hashAuditEvent,
  type AuditEventInput,
  type HashedAuditEvent,
} from "../../../core/audit/event";
import { formatEventLine, serializeAuditExport } from "../../../core/audit/export-format";
import { AuditLogWriter } from "../../../core/audit/log-writer";

export function sampleEvent(i: number): AuditEventInput {
  const kinds = ["user", "token", "agent", "system"] as const;
  return {
    ts: new Date(Date.UTC(2025, 1, 1) + i * 1000).toISOString(),
    type: ["run.started", "step.proposed", "step.verdict", "approval.decided"][i % 4]!,
    run_id: i % 5 === 0 ? null : `run_${Math.floor(i / 5)}`,
    step_id: i % 3 === 0 ? null : `step_${i}`,
    actor: { kind: kinds[i % 4]!, id: `actor_${i % 7}` },
    data: {
      i,
      url: `https://example.com/${i}?q=ü`,
      nested: { hash: "not the event hash", n: [i] },
    },
  };
}

export interface SignedExport {
  text: string;
  lines: string[];
  events: HashedAuditEvent[];
  root: string;
  jws: string;
  privateJwk: HeadPrivateJwk;
  publicJwk: HeadPublicJwk;
  jwks: { keys: HeadPublicJwk[] };
}

export async function buildSignedExport(
  count: number,
  makeEvent: (i: number) => AuditEventInput = sampleEvent,
  key?: { privateJwk: HeadPrivateJwk; publicJwk: HeadPublicJwk },
): Promise<SignedExport> {
  const writer = AuditLogWriter.empty();
  const events = Array.from({ length: count }, (_, i) => writer.append(makeEvent(i + 1)).event);
  const { privateJwk, publicJwk } = key ?? (await generateHeadKeyPair());
  const jws = await signHead(writer.head("acme", "2025-03-01T00:00:00.000Z"), privateJwk);
  const text = serializeAuditExport(events, jws);
  return {
    text,
    lines: text.split("\n").slice(0, -1),
    events,
    root: writer.root(),
    jws,
    privateJwk,
    publicJwk,
    jwks: headJwks([publicJwk]),
  };
}

/** An event line for `event` with its hash recomputed, as a forger would write it. */
export function forgedLine(event: Omit<HashedAuditEvent, "hash">): string {
  return formatEventLine({ ...event, hash: hashAuditEvent(event) });
}

export const joinLines = (lines: readonly string[]): string => lines.join("\n") + "\n";

/** Canonical JSON every way RFC 8785 spells it: numbers, escapes, non-ASCII, nesting. */
export const trickyEvent: AuditEventInput = {
  ts: "2025-02-01T00:00:00.123456Z",
  type: "step.result",
  run_id: "run_ü",
  step_id: null,
  actor: { kind: "agent", id: "tok_\u2028" },
  data: {
    "": "empty key",
    a: 1e21,
    b: -5,
    c: 3.25,
    d: '\n\t\u0001\u001f"\\/',
    e: "😀ü—\u2028\u007f",
    f: [true, false, null, [], {}, [[1, [2]], { x: { y: null } }]],
    g: 0,
    h: 1e-7,
    i: -0.5,
    j: 123456789012345,
    k: 1234567890123456789,
    nested: { hash: "x", "a-b": { A: 1, a: 2 }, ab: { a: 1, ab: 2, b: 3 } },
  },
};
