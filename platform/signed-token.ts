import { clock } from "./clock";
import { errors, jwtVerify, SignJWT, type JWTPayload } from "jose";
import { purposeKey } from "./keys";

/**
 * Short signed tokens (HS256 JWS via jose) for links and agents. Each purpose gets its own key,
 * derived from AUTH_PEPPER once per isolate (./keys.ts).
 */

export async function signPurposeToken(
  pepper: string,
  purpose: string,
  claims: JWTPayload & { sub: string },
  expiresInSeconds: number,
): Promise<string> {
  const now = Math.floor(clock.now() / 1000);
  return new SignJWT({ ...claims, purpose })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuedAt(now)
    .setExpirationTime(now + expiresInSeconds)
    .sign(await purposeKey(pepper, purpose));
}

export type TokenCheck =
  | { status: "valid"; claims: JWTPayload & { sub: string } }
  /** Genuinely ours (the signature verified) but past its expiry. */
  | { status: "expired" }
  /** Malformed, altered, or minted for another purpose. */
  | { status: "invalid" };

/** What a link token is, so its page can say "expired" apart from "not valid". */
export async function checkPurposeToken(
  pepper: string,
  purpose: string,
  token: string,
): Promise<TokenCheck> {
  if (token.length > 4096) return { status: "invalid" };
  try {
    const { payload } = await jwtVerify(token, await purposeKey(pepper, purpose), {
      algorithms: ["HS256"],
      currentDate: new Date(clock.now()),
    });
    if (payload.purpose !== purpose || typeof payload.sub !== "string")
      return { status: "invalid" };
    return { status: "valid", claims: payload as JWTPayload & { sub: string } };
  } catch (e) {
    // jose checks the signature before the claims: an expiry error means the token is genuine.
    if (e instanceof errors.JWTExpired) return { status: "expired" };
    return { status: "invalid" };
  }
}

/** The token's claims, or null when it is malformed, altered, expired or for another purpose. */
export async function verifyPurposeToken(
  pepper: string,
  purpose: string,
  token: string,
): Promise<(JWTPayload & { sub: string }) | null> {
  const check = await checkPurposeToken(pepper, purpose, token);
  return check.status === "valid" ? check.claims : null;
}
