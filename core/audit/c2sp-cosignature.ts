/**
 * C2SP tlog-cosignature (c2sp.org/tlog-cosignature), Ed25519 v1: a note signature with key ID
 * type 0x04 whose bytes are a big-endian u64 POSIX timestamp followed by an Ed25519 signature
 * over `cosignature/v1\ntime <t>\n` ‖ the checkpoint text.
 */
import { utf8 } from "../encoding";
import {
  ed25519FromSeed,
  ed25519Verify,
  formatSignatureLine,
  formatVerifierKey,
  isNoteText,
  NoteError,
  parseVerifierKey,
  SIG_COSIGNATURE_V1,
  type NoteVerifier,
  type VerifierKey,
} from "./c2sp-note";

const MAX_TIMESTAMP = 2n ** 63n - 1n;

export function cosignedMessage(checkpointText: string, timestamp: number): Uint8Array {
  return utf8.encode(`cosignature/v1\ntime ${timestamp}\n${checkpointText}`);
}

export interface Cosigner {
  name: string;
  keyId: number;
  vkey: string;
  /** The cosignature line (newline included) over a checkpoint text at `timestamp` seconds. */
  cosign(checkpointText: string, timestamp: number): Promise<string>;
}

export async function ed25519Cosigner(name: string, seed: Uint8Array): Promise<Cosigner> {
  const key = await ed25519FromSeed(seed);
  const vkey = formatVerifierKey(name, SIG_COSIGNATURE_V1, key.publicKey);
  const { keyId } = parseVerifierKey(vkey);
  return {
    name,
    keyId,
    vkey,
    async cosign(text, timestamp) {
      if (!isNoteText(text)) throw new NoteError("malformed checkpoint text");
      if (!Number.isSafeInteger(timestamp) || timestamp <= 0)
        throw new NoteError("a cosignature timestamp is a positive integer");
      const signature = await key.sign(cosignedMessage(text, timestamp));
      const bytes = new Uint8Array(8 + 64);
      new DataView(bytes.buffer).setBigUint64(0, BigInt(timestamp));
      bytes.set(signature, 8);
      return formatSignatureLine(name, keyId, bytes);
    },
  };
}

/** A note verifier for an Ed25519 cosigner key (vkey type 0x04); reports the timestamp. */
export function cosignatureVerifier(vkey: string | VerifierKey): NoteVerifier {
  const key = typeof vkey === "string" ? parseVerifierKey(vkey) : vkey;
  if (key.type !== SIG_COSIGNATURE_V1)
    throw new NoteError(`${key.name} is not an Ed25519 cosignature key`);
  return {
    key,
    async check(text, signature) {
      if (signature.length !== 72) return { ok: false };
      const t = new DataView(signature.buffer, signature.byteOffset, 8).getBigUint64(0);
      if (t > MAX_TIMESTAMP || t > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false };
      const timestamp = Number(t);
      const ok = await ed25519Verify(
        key.publicKey,
        cosignedMessage(text, timestamp),
        signature.subarray(8),
      );
      return ok ? { ok: true, timestamp } : { ok: false };
    },
  };
}
