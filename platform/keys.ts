import { importHmacKey } from "../core/crypto/hash";
import { utf8 } from "../core/encoding";

/*
 * Keys derived from AUTH_PEPPER, imported once per isolate instead of once per request. Secrets
 * are fixed for an isolate's life (a new secret deploys a new version, hence new isolates); the
 * maps still key on the secret so a test or a rotated binding never gets another secret's key.
 */
const hmacKeys = new Map<string, Promise<CryptoKey>>();
const purposeKeys = new Map<string, Promise<CryptoKey>>();

/** HMAC-SHA-256 key over the pepper itself (email-code HMACs). */
export function pepperHmacKey(pepper: string): Promise<CryptoKey> {
  let key = hmacKeys.get(pepper);
  if (!key) {
    key = importHmacKey(pepper);
    hmacKeys.set(pepper, key);
    key.catch(() => hmacKeys.delete(pepper));
  }
  return key;
}

/**
 * HMAC(pepper, purpose): the HS256 key of one kind of signed token (run tokens, links, invites),
 * so a token minted for one purpose is worthless for any other.
 */
export function purposeKey(pepper: string, purpose: string): Promise<CryptoKey> {
  const id = `${purpose}\u0000${pepper}`;
  let key = purposeKeys.get(id);
  if (!key) {
    // A CryptoKey (not raw bytes), so jose does not re-import it on every sign and verify.
    key = pepperHmacKey(pepper).then(async (k) =>
      importHmacKey(new Uint8Array(await crypto.subtle.sign("HMAC", k, utf8.encode(purpose)))),
    );
    purposeKeys.set(id, key);
    key.catch(() => purposeKeys.delete(id));
  }
  return key;
}
