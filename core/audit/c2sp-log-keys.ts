/**
 * Per-tenant log keys: each tenant's checkpoint key is derived with HKDF-SHA256 from the
 * operator's master secret, the tenant id and a per-tenant generation, so rotating one tenant
 * (a new generation) touches no other. Every key the log has used is published with the window
 * of tree sizes it may sign; a retired key verifies only checkpoints inside its window.
 */
import { utf8 } from "../encoding";
import { cosignatureVerifier } from "./c2sp-cosignature";
import { parseCheckpointText, type TlogCheckpoint } from "./c2sp-checkpoint";
import {
  ed25519NoteVerifier,
  NoteError,
  parseNote,
  parseVerifierKey,
  verifyNote,
  type NoteVerifier,
} from "./c2sp-note";

export interface LogKey {
  vkey: string;
  /** First tree size this key may sign. */
  from_size: number;
  /** Last tree size it may sign; null while it is the current key. */
  to_size: number | null;
}

export async function deriveLogKeySeed(
  master: Uint8Array,
  tenantId: string,
  generation: number,
): Promise<Uint8Array> {
  const ikm = await crypto.subtle.importKey("raw", new Uint8Array(master), "HKDF", false, [
    "deriveBits",
  ]);
  const bits = await crypto.subtle.deriveBits(
    {
      name: "HKDF",
      hash: "SHA-256",
      salt: utf8.encode("gatehouse tlog checkpoint key v1"),
      info: utf8.encode(`${tenantId}\n${generation}`),
    },
    ikm,
    256,
  );
  return new Uint8Array(bits);
}

export function keyCovers(key: LogKey, size: number): boolean {
  return size >= key.from_size && (key.to_size === null || size <= key.to_size);
}

export type CheckpointCheck =
  | {
      ok: true;
      checkpoint: TlogCheckpoint;
      text: string;
      logKey: string;
      witnesses: { name: string; timestamp: number }[];
    }
  | {
      ok: false;
      code: "malformed" | "wrong-origin" | "log-signature" | "witness-signature" | "quorum";
      reason: string;
    };

export interface CheckpointPolicy {
  /** The log's keys; a bare vkey string trusts it for every size. */
  logKeys: readonly (LogKey | string)[];
  /** Expected origin; defaults to the log keys' name. */
  origin?: string;
  /** Witness cosigner vkeys (type 0x04). */
  witnesses?: readonly string[];
  minWitnesses?: number;
}

/** Verifies a checkpoint note: origin, a log signature from a key whose window covers its size,
 * and at least `minWitnesses` distinct valid witness cosignatures. Throws NoteError on bad keys. */
export async function verifyCheckpointNote(
  note: string,
  policy: CheckpointPolicy,
): Promise<CheckpointCheck> {
  const logKeys = policy.logKeys.map((k) =>
    typeof k === "string" ? { vkey: k, from_size: 0, to_size: null } : k,
  );
  const parsedKeys = logKeys.map((k) => ({ window: k, key: parseVerifierKey(k.vkey) }));
  const witnessVerifiers = (policy.witnesses ?? []).map((w) => cosignatureVerifier(w));
  let checkpoint: TlogCheckpoint;
  let text: string;
  try {
    text = parseNote(note).text;
    checkpoint = parseCheckpointText(text);
  } catch (e) {
    return { ok: false, code: "malformed", reason: (e as Error).message };
  }
  const origin = policy.origin ?? parsedKeys[0]?.key.name;
  if (checkpoint.origin !== origin)
    return {
      ok: false,
      code: "wrong-origin",
      reason: `origin ${JSON.stringify(checkpoint.origin)} is not ${JSON.stringify(origin)}`,
    };
  const inWindow: NoteVerifier[] = parsedKeys
    .filter((k) => k.key.name === checkpoint.origin && keyCovers(k.window, checkpoint.size))
    .map((k) => ed25519NoteVerifier(k.key));
  const log = await verifyNote(note, inWindow);
  if (!log.ok) return { ok: false, code: "log-signature", reason: log.reason };
  const witnesses: { name: string; timestamp: number }[] = [];
  if (witnessVerifiers.length > 0) {
    const cosigned = await verifyNote(note, witnessVerifiers);
    if (!cosigned.ok && cosigned.reason !== "note has no verifiable signatures")
      return { ok: false, code: "witness-signature", reason: cosigned.reason };
    if (cosigned.ok)
      for (const v of cosigned.verified)
        witnesses.push({ name: v.key.name, timestamp: v.timestamp ?? 0 });
  }
  const min = policy.minWitnesses ?? 0;
  if (witnesses.length < min)
    return {
      ok: false,
      code: "quorum",
      reason: `${witnesses.length} valid witness cosignature(s), ${min} required`,
    };
  return { ok: true, checkpoint, text, logKey: log.verified[0]!.key.vkey, witnesses };
}

/** Parses a published key history (JSON `{keys: LogKey[]}`); throws NoteError when malformed. */
export function parseLogKeys(value: unknown): LogKey[] {
  const keys = (value as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) throw new NoteError('a key history is {"keys": [...]}');
  return keys.map((k) => {
    const { vkey, from_size, to_size } = (k ?? {}) as Record<string, unknown>;
    const isSize = (n: unknown): n is number =>
      typeof n === "number" && Number.isSafeInteger(n) && n >= 0;
    if (typeof vkey !== "string" || !isSize(from_size) || !(to_size === null || isSize(to_size)))
      throw new NoteError("each key is {vkey, from_size, to_size|null}");
    parseVerifierKey(vkey);
    return { vkey, from_size, to_size };
  });
}
