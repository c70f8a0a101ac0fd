/**
 * Signed heads of the audit log: the head `{tenant, size, root, ts}` as a compact JWS (EdDSA /
 * Ed25519) with `kid` (RFC 7638 thumbprint) and `typ` in the protected header; the payload is the
 * head's RFC 8785 JSON. The private JWK is the server's `SIGNING_KEY` secret; the public halves of
 * the current and all previous keys stay published in the JWKS so old signed heads keep verifying.
 * (A "checkpoint" is something else: the row a step saves before its side effect. Only the wire
 * keeps the old word — the JWS `typ` and the export trailer's `checkpoint` member.)
 */
import {
  calculateJwkThumbprint,
  CompactSign,
  compactVerify,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
} from "jose";
import { canonicalJson } from "../canonical-json";
import { fromBase64Url, utf8 } from "../encoding";
import { isHex64, isIsoUtcTimestamp } from "./event";

export interface AuditHead {
  tenant: string;
  /** Number of events (Merkle leaves) covered. */
  size: number;
  /** Hex RFC 6962 root over events 1..size. */
  root: string;
  /** When it was signed, ISO-8601 UTC. */
  ts: string;
}

export interface HeadPublicJwk {
  kty: "OKP";
  crv: "Ed25519";
  x: string;
  kid: string;
  alg: "EdDSA";
  use: "sig";
}

export interface HeadPrivateJwk extends HeadPublicJwk {
  d: string;
}

export interface Jwks {
  keys: JWK[];
}

export const HEAD_ALG = "EdDSA";
/** Wire value, unchanged since the first signed exports so they keep verifying. */
export const HEAD_TYP = "gatehouse-checkpoint";

export type HeadVerification =
  | { ok: true; head: AuditHead; kid: string }
  | { ok: false; code: "malformed-signed-head" | "unknown-kid" | "bad-signature"; reason: string };

/** Why `value` is not a valid `AuditHead`, or null. */
export function headProblem(value: unknown): string | null {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return "a signed head must be a JSON object";
  const { tenant, size, root, ts } = value as Record<string, unknown>;
  if (typeof tenant !== "string" || tenant.length === 0)
    return '"tenant" must be a non-empty string';
  if (typeof size !== "number" || !Number.isSafeInteger(size) || size < 0)
    return '"size" must be a non-negative integer';
  if (!isHex64(root)) return '"root" must be 64 lowercase hex characters';
  if (!isIsoUtcTimestamp(ts)) return '"ts" must be an ISO-8601 UTC timestamp';
  if (Object.keys(value).length !== 4) return "a signed head has exactly tenant, size, root and ts";
  return null;
}

function isEd25519Part(value: unknown): value is string {
  if (typeof value !== "string") return false;
  try {
    return fromBase64Url(value).length === 32;
  } catch {
    return false;
  }
}

/** RFC 7638 thumbprint (SHA-256, base64url) of an Ed25519 JWK: the `kid`. */
export function headKid(jwk: { kty: string; crv: string; x: string }): Promise<string> {
  return calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x }, "sha256");
}

/** A fresh Ed25519 key pair as JWKs with kid, alg and use set. */
export async function generateHeadKeyPair(): Promise<{
  privateJwk: HeadPrivateJwk;
  publicJwk: HeadPublicJwk;
}> {
  const { privateKey } = await generateKeyPair("Ed25519", { extractable: true });
  const { x, d } = await exportJWK(privateKey);
  if (x === undefined || d === undefined) throw new Error("Ed25519 export returned no key");
  const publicJwk: HeadPublicJwk = {
    kty: "OKP",
    crv: "Ed25519",
    x,
    kid: await headKid({ kty: "OKP", crv: "Ed25519", x }),
    alg: HEAD_ALG,
    use: "sig",
  };
  return { privateJwk: { ...publicJwk, d }, publicJwk };
}

/** The publishable half of a key: never carries `d`. */
export function publicHeadJwk(jwk: HeadPublicJwk): HeadPublicJwk {
  return { kty: "OKP", crv: "Ed25519", x: jwk.x, kid: jwk.kid, alg: HEAD_ALG, use: "sig" };
}

/** A JWKS document for the given keys (current first, then retired ones), private parts removed. */
export function headJwks(keys: readonly HeadPublicJwk[]): {
  keys: HeadPublicJwk[];
} {
  return { keys: keys.map(publicHeadJwk) };
}

/** Validates a JWKS document (e.g. a file given to the CLI); throws TypeError when malformed. */
export function parseJwks(value: unknown): Jwks {
  const keys = (value as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || !keys.every((k) => typeof k === "object" && k !== null))
    throw new TypeError('a JWKS must be an object with a "keys" array of JWK objects');
  return { keys: keys as JWK[] };
}

export interface HeadSigner {
  readonly kid: string;
  readonly publicJwk: HeadPublicJwk;
  sign(head: AuditHead): Promise<string>;
}

/**
 * Imports the private JWK (object or its JSON text, e.g. the `SIGNING_KEY` secret). Uses the
 * JWK's `kid` when present, else its thumbprint. Checks that `d` matches `x` by a test
 * signature. Error messages never include key material.
 */
const MISMATCHED_KEY = "signing key: private part does not match public part x";

export async function importHeadSigner(jwk: unknown): Promise<HeadSigner> {
  let value: unknown = jwk;
  if (typeof jwk === "string") {
    try {
      value = JSON.parse(jwk);
    } catch {
      throw new TypeError("signing key is not valid JSON");
    }
  }
  const { kty, crv, x, d, kid } = (value ?? {}) as Record<string, unknown>;
  if (kty !== "OKP" || crv !== "Ed25519" || !isEd25519Part(x) || !isEd25519Part(d))
    throw new TypeError("signing key must be an Ed25519 private JWK (kty OKP, crv Ed25519, x, d)");
  if (kid !== undefined && (typeof kid !== "string" || kid.length === 0))
    throw new TypeError("signing key kid must be a non-empty string");
  const publicJwk = publicHeadJwk({
    kty: "OKP",
    crv: "Ed25519",
    x,
    kid: kid ?? (await headKid({ kty, crv, x })),
    alg: HEAD_ALG,
    use: "sig",
  });
  // Node's WebCrypto already refuses a `d` that does not belong to `x` here (workerd only at the
  // probe below): either way the caller gets the same TypeError, never the runtime's own error.
  const key = await importJWK({ kty, crv, x, d }, HEAD_ALG).catch(() => {
    throw new TypeError(MISMATCHED_KEY);
  });
  const sign = async (head: AuditHead): Promise<string> => {
    const problem = headProblem(head);
    if (problem !== null) throw new TypeError(`signed head: ${problem}`);
    const { tenant, size, root, ts } = head;
    return new CompactSign(utf8.encode(canonicalJson({ tenant, size, root, ts })))
      .setProtectedHeader({ alg: HEAD_ALG, kid: publicJwk.kid, typ: HEAD_TYP })
      .sign(key);
  };
  const probe = await sign({
    tenant: "key-check",
    size: 0,
    root: "0".repeat(64),
    ts: "1970-01-01T00:00:00Z",
  });
  const check = await verifySignedHead(probe, { keys: [publicJwk] });
  if (!check.ok) throw new TypeError(MISMATCHED_KEY);
  return { kid: publicJwk.kid, publicJwk, sign };
}

/** One-off signing; a server signing repeatedly should keep an `importHeadSigner`. */
export async function signHead(head: AuditHead, privateJwk: unknown): Promise<string> {
  return (await importHeadSigner(privateJwk)).sign(head);
}

/** Reads a signed head JWS's header and payload WITHOUT checking its signature. */
export function decodeSignedHead(
  jws: string,
): { ok: true; head: AuditHead; kid: string } | { ok: false; reason: string } {
  const parts = typeof jws === "string" ? jws.split(".") : [];
  if (parts.length !== 3) return { ok: false, reason: "not a compact JWS" };
  let header: ReturnType<typeof decodeProtectedHeader>;
  let payload: unknown;
  try {
    header = decodeProtectedHeader(jws);
    payload = JSON.parse(utf8.decode(fromBase64Url(parts[1]!)));
  } catch {
    return { ok: false, reason: "undecodable header or payload" };
  }
  if (header.alg !== HEAD_ALG)
    return { ok: false, reason: `unsupported alg ${JSON.stringify(header.alg)}` };
  if (header.typ !== HEAD_TYP) return { ok: false, reason: `typ is not ${HEAD_TYP}` };
  if (typeof header.kid !== "string" || header.kid.length === 0)
    return { ok: false, reason: "no kid in the protected header" };
  const problem = headProblem(payload);
  if (problem !== null) return { ok: false, reason: problem };
  return { ok: true, head: payload as AuditHead, kid: header.kid };
}

/** Verifies a signed head JWS against every JWKS key whose kid matches (rotation-safe). */
export async function verifySignedHead(jws: string, jwks: Jwks): Promise<HeadVerification> {
  const decoded = decodeSignedHead(jws);
  if (!decoded.ok) return { ok: false, code: "malformed-signed-head", reason: decoded.reason };
  const candidates = jwks.keys.filter((k) => k.kid === decoded.kid);
  if (candidates.length === 0)
    return { ok: false, code: "unknown-kid", reason: `unknown kid ${JSON.stringify(decoded.kid)}` };
  for (const candidate of candidates) {
    if (candidate.kty !== "OKP" || candidate.crv !== "Ed25519" || !isEd25519Part(candidate.x))
      continue;
    if (candidate.alg !== undefined && candidate.alg !== HEAD_ALG) continue;
    try {
      const key = await importJWK({ kty: "OKP", crv: "Ed25519", x: candidate.x }, HEAD_ALG);
      await compactVerify(jws, key, { algorithms: [HEAD_ALG] });
      return decoded;
    } catch {
      // Wrong key under a reused kid, or a bad signature: try the next candidate.
    }
  }
  return { ok: false, code: "bad-signature", reason: `bad signature (kid ${decoded.kid})` };
}
