/**
 * C2SP signed-note (c2sp.org/signed-note): a text ending in a newline, a blank line, then
 * signature lines `— <key name> base64(uint32 key ID ‖ signature)`. Key IDs are
 * SHA-256(name ‖ 0x0A ‖ signature type ‖ public key)[:4]; verifier keys ("vkeys") are
 * `<name>+<hex key ID>+base64(type ‖ public key)`. Ed25519 runs on WebCrypto.
 */
import { utf8 } from "../encoding";
import { nobleSha256, type Sha256 } from "./sha256";

export const SIG_ED25519 = 0x01;
export const SIG_COSIGNATURE_V1 = 0x04;

/** Go's x/mod/sumdb/note limit; the spec asks verifiers to accept at least 16. */
export const MAX_NOTE_SIGNATURES = 100;
const EM_DASH = "\u2014";

export class NoteError extends Error {}

export interface NoteSignature {
  name: string;
  keyId: number;
  /** The signature bytes after the 4-byte key ID. */
  signature: Uint8Array;
  /** The whole line, newline included, as it appeared. */
  line: string;
}

export interface Note {
  /** The signed text, final newline included. */
  text: string;
  signatures: NoteSignature[];
}

export interface VerifierKey {
  name: string;
  keyId: number;
  type: number;
  publicKey: Uint8Array;
  /** Its `name+hash+base64` text. */
  vkey: string;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict standard base64: canonical padding, no whitespace, decodes back to the same text. */
export function decodeBase64Strict(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !BASE64.test(text)) return null;
  let bin: string;
  try {
    bin = atob(text);
  } catch {
    return null;
  }
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return encodeBase64(bytes) === text ? bytes : null;
}

export function encodeBase64(bytes: Uint8Array): string {
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** Key names: non-empty, no Unicode spaces, no plus. */
export function isKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+\u0085\x00-\x1f]/u.test(name);
}

export function noteKeyId(
  name: string,
  type: number,
  publicKey: Uint8Array,
  sha: Sha256 = nobleSha256,
): number {
  const nameBytes = utf8.encode(name);
  const input = new Uint8Array(nameBytes.length + 2 + publicKey.length);
  input.set(nameBytes, 0);
  input[nameBytes.length] = 0x0a;
  input[nameBytes.length + 1] = type;
  input.set(publicKey, nameBytes.length + 2);
  const d = sha.digest(input);
  return ((d[0]! << 24) | (d[1]! << 16) | (d[2]! << 8) | d[3]!) >>> 0;
}

export const keyIdHex = (id: number) => id.toString(16).padStart(8, "0");

export function formatVerifierKey(name: string, type: number, publicKey: Uint8Array): string {
  if (!isKeyName(name)) throw new NoteError(`invalid key name ${JSON.stringify(name)}`);
  const material = new Uint8Array(1 + publicKey.length);
  material[0] = type;
  material.set(publicKey, 1);
  return `${name}+${keyIdHex(noteKeyId(name, type, publicKey))}+${encodeBase64(material)}`;
}

/** Parses and checks a vkey: its key ID must match its name and key; Ed25519 keys are 32 bytes. */
export function parseVerifierKey(vkey: string): VerifierKey {
  // The key part is base64 and may itself contain "+": split at the first two only.
  const first = vkey.indexOf("+");
  const second = first < 0 ? -1 : vkey.indexOf("+", first + 1);
  if (second < 0) throw new NoteError("a verifier key is name+hash+key");
  const [name, hash, b64] = [
    vkey.slice(0, first),
    vkey.slice(first + 1, second),
    vkey.slice(second + 1),
  ];
  if (!isKeyName(name)) throw new NoteError("invalid key name in verifier key");
  if (!/^[0-9a-f]{8}$/.test(hash)) throw new NoteError("invalid key hash in verifier key");
  const material = decodeBase64Strict(b64);
  if (!material || material.length < 2) throw new NoteError("invalid key in verifier key");
  const type = material[0]!;
  const publicKey = material.slice(1);
  if ((type === SIG_ED25519 || type === SIG_COSIGNATURE_V1) && publicKey.length !== 32)
    throw new NoteError("an Ed25519 verifier key has 32 bytes");
  if (type !== SIG_ED25519 && type !== SIG_COSIGNATURE_V1)
    throw new NoteError(`unsupported signature type 0x${type.toString(16).padStart(2, "0")}`);
  const keyId = noteKeyId(name, type, publicKey);
  if (keyIdHex(keyId) !== hash) throw new NoteError("verifier key hash does not match its key");
  return { name, keyId, type, publicKey, vkey };
}

/** Splits a signed note into text and signature lines; throws NoteError("malformed note"). */
export function parseNote(message: string): Note {
  const malformed = () => new NoteError("malformed note");
  if (typeof message !== "string" || !message.endsWith("\n")) throw malformed();
  if (/[\x00-\x09\x0b-\x1f]/.test(message) || message.includes("\ufffd")) throw malformed();
  const split = message.lastIndexOf("\n\n");
  if (split < 0) throw malformed();
  const text = message.slice(0, split + 1);
  const lines = message.slice(split + 2).split("\n");
  lines.pop(); // the final newline
  if (lines.length === 0 || lines.length > MAX_NOTE_SIGNATURES) throw malformed();
  const signatures = lines.map((line) => {
    const match = /^\u2014 (\S+) (\S+)$/u.exec(line);
    if (!match || !isKeyName(match[1]!)) throw malformed();
    const bytes = decodeBase64Strict(match[2]!);
    if (!bytes || bytes.length < 5) throw malformed();
    return {
      name: match[1]!,
      keyId: ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0,
      signature: bytes.slice(4),
      line: `${line}\n`,
    };
  });
  return { text, signatures };
}

export function formatSignatureLine(name: string, keyId: number, signature: Uint8Array): string {
  if (!isKeyName(name)) throw new NoteError(`invalid key name ${JSON.stringify(name)}`);
  const bytes = new Uint8Array(4 + signature.length);
  new DataView(bytes.buffer).setUint32(0, keyId);
  bytes.set(signature, 4);
  return `${EM_DASH} ${name} ${encodeBase64(bytes)}\n`;
}

/** Checks a note text: valid for signing (non-empty, ends in a newline, no control chars). */
export function isNoteText(text: string): boolean {
  return text.length > 0 && text.endsWith("\n") && !/[\x00-\x09\x0b-\x1f]/.test(text);
}

// ── Ed25519 on WebCrypto ──────────────────────────────────────────────────────────────────

const PKCS8_ED25519_PREFIX = new Uint8Array([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
]);

export interface Ed25519Key {
  publicKey: Uint8Array;
  sign(message: Uint8Array): Promise<Uint8Array>;
}

/** An Ed25519 key from its 32-byte RFC 8032 seed. */
export async function ed25519FromSeed(seed: Uint8Array): Promise<Ed25519Key> {
  if (seed.length !== 32) throw new NoteError("an Ed25519 seed is 32 bytes");
  const pkcs8 = new Uint8Array(PKCS8_ED25519_PREFIX.length + 32);
  pkcs8.set(PKCS8_ED25519_PREFIX);
  pkcs8.set(seed, PKCS8_ED25519_PREFIX.length);
  const key = await crypto.subtle.importKey("pkcs8", pkcs8, { name: "Ed25519" }, true, ["sign"]);
  const jwk = (await crypto.subtle.exportKey("jwk", key)) as JsonWebKey;
  const x = jwk.x!.replace(/-/g, "+").replace(/_/g, "/");
  const publicKey = Uint8Array.from(atob(x + "=".repeat((4 - (x.length % 4)) % 4)), (c) =>
    c.charCodeAt(0),
  );
  return {
    publicKey,
    sign: async (message) =>
      new Uint8Array(await crypto.subtle.sign({ name: "Ed25519" }, key, new Uint8Array(message))),
  };
}

export async function ed25519Verify(
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  try {
    const key = await crypto.subtle.importKey(
      "raw",
      new Uint8Array(publicKey),
      { name: "Ed25519" },
      false,
      ["verify"],
    );
    return await crypto.subtle.verify(
      { name: "Ed25519" },
      key,
      new Uint8Array(signature),
      new Uint8Array(message),
    );
  } catch {
    return false;
  }
}

export interface NoteSigner {
  name: string;
  keyId: number;
  vkey: string;
  /** The signature line (newline included) over `text`. */
  sign(text: string): Promise<string>;
}

/** A signed-note signer for Ed25519 (type 0x01) keys. */
export async function ed25519NoteSigner(name: string, seed: Uint8Array): Promise<NoteSigner> {
  const key = await ed25519FromSeed(seed);
  const vkey = formatVerifierKey(name, SIG_ED25519, key.publicKey);
  const { keyId } = parseVerifierKey(vkey);
  return {
    name,
    keyId,
    vkey,
    async sign(text) {
      if (!isNoteText(text)) throw new NoteError("malformed note text");
      return formatSignatureLine(name, keyId, await key.sign(utf8.encode(text)));
    },
  };
}

/** Signs `text` and returns the whole note. */
export async function signNote(text: string, ...signers: NoteSigner[]): Promise<string> {
  let lines = "";
  for (const signer of signers) lines += await signer.sign(text);
  return `${text}\n${lines}`;
}

export type SignatureCheck = { ok: true; timestamp?: number } | { ok: false };

/** A key a note verifier knows, for one signature type. */
export interface NoteVerifier {
  key: VerifierKey;
  check(text: string, signature: Uint8Array): Promise<SignatureCheck>;
}

export function ed25519NoteVerifier(vkey: string | VerifierKey): NoteVerifier {
  const key = typeof vkey === "string" ? parseVerifierKey(vkey) : vkey;
  if (key.type !== SIG_ED25519) throw new NoteError(`${key.name} is not an Ed25519 note key`);
  return {
    key,
    check: async (text, signature) => ({
      ok: await ed25519Verify(key.publicKey, utf8.encode(text), signature),
    }),
  };
}

export type NoteVerification =
  | { ok: true; note: Note; verified: { key: VerifierKey; timestamp?: number }[] }
  | { ok: false; reason: string };

/**
 * Verifies a note per the spec: signatures from unknown keys (name and ID not both known) are
 * ignored; a known key's signature must verify, or the whole note is rejected; at least one
 * known signature must verify.
 */
export async function verifyNote(
  message: string,
  verifiers: readonly NoteVerifier[],
): Promise<NoteVerification> {
  let note: Note;
  try {
    note = parseNote(message);
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
  const verified: { key: VerifierKey; timestamp?: number }[] = [];
  for (const sig of note.signatures) {
    const matches = verifiers.filter((v) => v.key.name === sig.name && v.key.keyId === sig.keyId);
    if (matches.length > 1)
      return { ok: false, reason: `ambiguous key ${sig.name}+${keyIdHex(sig.keyId)}` };
    const verifier = matches[0];
    if (!verifier) continue;
    const check = await verifier.check(note.text, sig.signature);
    if (!check.ok)
      return { ok: false, reason: `invalid signature for key ${sig.name}+${keyIdHex(sig.keyId)}` };
    if (!verified.some((v) => v.key === verifier.key))
      verified.push({
        key: verifier.key,
        ...(check.timestamp !== undefined ? { timestamp: check.timestamp } : {}),
      });
  }
  if (verified.length === 0) return { ok: false, reason: "note has no verifiable signatures" };
  return { ok: true, note, verified };
}
