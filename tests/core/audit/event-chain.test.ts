import { describe, expect, it } from "vitest";
import {
  canonicalEventJson,
  GENESIS_PREV,
  hashAuditEvent,
  type AuditEvent,
  type AuditEventInput,
  type JsonValue,
} from "../../../core/audit/event";
import { hashLeaf, merkleRoot } from "../../../core/audit/merkle";
import { AuditLogWriter } from "../../../core/audit/log-writer";
import { nobleSha256, sha256FromDigest } from "../../../core/audit/sha256";
import { fromHex, toHex } from "../../../core/encoding";

const subtleHex = async (text: string): Promise<string> =>
  toHex(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text))));

const FIRST: AuditEvent = {
  seq: 1,
  ts: "2025-01-31T12:00:00.000Z",
  type: "policy.pushed",
  run_id: null,
  step_id: null,
  actor: { kind: "user", id: "usr_ada" },
  data: { version: 3, bundle: "b1", note: "café ✓" },
  prev: GENESIS_PREV,
};
/** FIRST's RFC 8785 form, written out by hand: keys sorted, no whitespace, UTF-8 as is. */
const FIRST_CANONICAL =
  '{"actor":{"id":"usr_ada","kind":"user"},"data":{"bundle":"b1","note":"café ✓","version":3},' +
  '"prev":"0000000000000000000000000000000000000000000000000000000000000000","run_id":null,' +
  '"seq":1,"step_id":null,"ts":"2025-01-31T12:00:00.000Z","type":"policy.pushed"}';

const input = (i: number): AuditEventInput => ({
  ts: `2025-02-01T00:00:${String(i % 60).padStart(2, "0")}.000Z`,
  type: i % 2 ? "step.verdict" : "step.proposed",
  run_id: "run_1",
  step_id: `step_${i}`,
  actor: { kind: "agent", id: "agent_1" },
  data: { i, args: { url: `https://example.com/${i}` } },
});

describe("event hashing", () => {
  it("is SHA-256 over the canonical JSON including prev (hand-checked vector)", async () => {
    expect(canonicalEventJson(FIRST)).toBe(FIRST_CANONICAL);
    const expected = await subtleHex(FIRST_CANONICAL);
    expect(hashAuditEvent(FIRST)).toBe(expected);
    expect(GENESIS_PREV).toBe(toHex(new Uint8Array(32)));
  });

  it("changes with every field, including prev", () => {
    const base = hashAuditEvent(FIRST);
    const variants: AuditEvent[] = [
      { ...FIRST, seq: 2 },
      { ...FIRST, ts: "2025-01-31T12:00:00.001Z" },
      { ...FIRST, type: "policy.pulled" },
      { ...FIRST, run_id: "run_1" },
      { ...FIRST, step_id: "step_1" },
      { ...FIRST, actor: { kind: "token", id: "usr_ada" } },
      { ...FIRST, data: { version: 4, bundle: "b1", note: "café ✓" } },
      { ...FIRST, prev: "1" + GENESIS_PREV.slice(1) },
    ];
    for (const v of variants) expect(hashAuditEvent(v)).not.toBe(base);
  });

  it("ignores a hash field already present (it is not part of the hashed bytes)", () => {
    expect(hashAuditEvent({ ...FIRST, hash: "ff".repeat(32) } as AuditEvent)).toBe(
      hashAuditEvent(FIRST),
    );
  });

  it("uses an injected SHA-256", () => {
    let calls = 0;
    const counting = sha256FromDigest((data) => {
      calls++;
      return nobleSha256.digest(data);
    });
    expect(hashAuditEvent(FIRST, counting)).toBe(hashAuditEvent(FIRST));
    expect(calls).toBe(1);
  });
});

describe("AuditLogWriter", () => {
  it("numbers from 1, starts at the genesis prev and links each event to the last", async () => {
    const writer = AuditLogWriter.empty();
    const first = writer.append({ ...FIRST });
    expect(first.event).toEqual({ ...FIRST, hash: await subtleHex(FIRST_CANONICAL) });
    expect(first.leafHash).toBe(await subtleHexOfLeaf(FIRST_CANONICAL));
    const second = writer.append(input(2));
    expect(second.event.seq).toBe(2);
    expect(second.event.prev).toBe(first.event.hash);
    expect(second.event.hash).toBe(hashAuditEvent(second.event));
    expect(writer.size).toBe(2);
  });

  it("keeps the Merkle root of its events' leaves", () => {
    const writer = AuditLogWriter.empty();
    const leaves: Uint8Array[] = [];
    expect(writer.root()).toBe(toHex(merkleRoot([])));
    for (let i = 1; i <= 21; i++) {
      const { event, leafHash } = writer.append(input(i));
      expect(leafHash).toBe(toHex(hashLeaf(new TextEncoder().encode(canonicalEventJson(event)))));
      leaves.push(fromHex(leafHash));
      expect(writer.root()).toBe(toHex(merkleRoot(leaves)));
    }
    expect(writer.head("acme", "2025-02-02T00:00:00Z")).toEqual({
      tenant: "acme",
      size: 21,
      root: toHex(merkleRoot(leaves)),
      ts: "2025-02-02T00:00:00Z",
    });
  });

  it("resumes from persisted JSON state exactly where it left off", () => {
    const a = AuditLogWriter.empty();
    for (let i = 1; i <= 13; i++) a.append(input(i));
    const b = AuditLogWriter.fromState(JSON.parse(JSON.stringify(a.toState())));
    for (let i = 14; i <= 30; i++) expect(b.append(input(i))).toEqual(a.append(input(i)));
    expect(b.root()).toBe(a.root());
    expect(b.toState()).toEqual(a.toState());
  });

  it("refuses corrupt state", () => {
    const state = AuditLogWriter.empty().toState();
    expect(() => AuditLogWriter.fromState({ ...state, head: "x" })).toThrow(TypeError);
    expect(() => AuditLogWriter.fromState({ ...state, head: "ab".repeat(32) })).toThrow(TypeError);
    expect(() => AuditLogWriter.fromState({ ...state, size: 1 })).toThrow(TypeError);
  });

  it("rejects invalid input without consuming a seq", () => {
    const writer = AuditLogWriter.empty();
    const bad: unknown[] = [
      { ...input(1), ts: "2025-02-01 00:00:00" },
      { ...input(1), ts: "2025-02-01T00:00:00+01:00" },
      { ...input(1), ts: "2025-13-01T00:00:00Z" },
      { ...input(1), type: "" },
      { ...input(1), run_id: 5 },
      { ...input(1), step_id: "" },
      { ...input(1), actor: { kind: "robot", id: "x" } },
      { ...input(1), actor: { kind: "user", id: "" } },
      { ...input(1), actor: { kind: "user", id: "x", extra: 1 } },
      { ...input(1), data: undefined },
      { ...input(1), data: { n: Number.NaN } },
    ];
    for (const value of bad)
      expect(() => writer.append(value as AuditEventInput), JSON.stringify(value)).toThrow();
    expect(writer.size).toBe(0);
    expect(writer.append(input(1)).event.prev).toBe(GENESIS_PREV);
  });

  it("stores exactly the JSON it hashed (undefined members dropped)", () => {
    const writer = AuditLogWriter.empty();
    // Callers' objects often carry undefined members that JSON (and the hash) omit.
    const data = { keep: 1, drop: undefined } as unknown as JsonValue;
    const { event } = writer.append({ ...input(1), data });
    expect(event.data).toEqual({ keep: 1 });
    expect(Object.keys(event.data as object)).toEqual(["keep"]);
    expect(event.hash).toBe(hashAuditEvent(event));
  });
});

async function subtleHexOfLeaf(canonical: string): Promise<string> {
  const bytes = new TextEncoder().encode(canonical);
  const input = new Uint8Array(bytes.length + 1);
  input.set(bytes, 1);
  return toHex(new Uint8Array(await crypto.subtle.digest("SHA-256", input)));
}
