import { jwtVerify, SignJWT, type JWTPayload } from "jose";
import { utf8 } from "../../core/encoding";

/**
 * Short signed tokens (HS256 JWS via jose) for links and agents. Each purpose gets its own key,
 * derived from AUTH_PEPPER, so a token minted for one purpose is worthless for any other.
 */
async function purposeKey(pepper: string, purpose: string): Promise<Uint8Array> {
  const hmacKey = await crypto.subtle.importKey(
    "raw",
    utf8.encode(pepper),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return new Uint8Array(await crypto.subtle.sign("HMAC", hmacKey, utf8.encode(purpose)));
}

export async function signPurposeToken(
  pepper: string,
  purpose: string,
  claims: JWTPayload & { sub: string },
  expiresInSeconds: number,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...claims, purpose })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuedAt(now)
    .setExpirationTime(now + expiresInSeconds)
    .sign(await purposeKey(pepper, purpose));
}

/** The token's claims, or null when it is malformed, altered, expired or for another purpose. */
export async function verifyPurposeToken(
  pepper: string,
  purpose: string,
  token: string,
): Promise<(JWTPayload & { sub: string }) | null> {
  if (token.length > 4096) return null;
  try {
    const { payload } = await jwtVerify(token, await purposeKey(pepper, purpose), {
      algorithms: ["HS256"],
    });
    if (payload.purpose !== purpose || typeof payload.sub !== "string") return null;
    return payload as JWTPayload & { sub: string };
  } catch {
    return null;
  }
}
