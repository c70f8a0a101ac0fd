import { clock } from "../../platform/clock";
import { errors, jwtVerify, SignJWT } from "jose";
import { purposeKey } from "../../platform/keys";

const PURPOSE = "gatehouse/invite";

/** A key only for invites: HMAC(pepper, purpose), so no other signed token can pass as one. */
const key = (pepper: string) => purposeKey(pepper, PURPOSE);

export interface InviteClaim {
  inviteId: string;
  tenantId: string;
  email: string;
}

/** The invite link's token: a JWS naming the invite; D1 keeps only its SHA-256. */
export async function signInviteToken(
  pepper: string,
  claim: InviteClaim,
  expiresAtMs: number,
): Promise<string> {
  return new SignJWT({ purpose: PURPOSE, tenant: claim.tenantId, email: claim.email })
    .setProtectedHeader({ alg: "HS256" })
    .setJti(claim.inviteId)
    .setIssuedAt(Math.floor(clock.now() / 1000))
    .setExpirationTime(Math.floor(expiresAtMs / 1000))
    .sign(await key(pepper));
}

/** The claim of a genuine, unexpired invite token; null for anything else. */
export async function verifyInviteToken(
  pepper: string,
  token: string,
): Promise<InviteClaim | null> {
  if (typeof token !== "string" || token.length > 4096) return null;
  try {
    const { payload } = await jwtVerify(token, await key(pepper), {
      algorithms: ["HS256"],
      currentDate: new Date(clock.now()),
    });
    if (
      payload.purpose !== PURPOSE ||
      typeof payload.jti !== "string" ||
      typeof payload.tenant !== "string" ||
      typeof payload.email !== "string"
    ) {
      return null;
    }
    return { inviteId: payload.jti, tenantId: payload.tenant, email: payload.email };
  } catch {
    return null;
  }
}

/** True for a genuine invite token that is only past its expiry (for a page that says so). */
export async function inviteTokenExpired(pepper: string, token: string): Promise<boolean> {
  if (typeof token !== "string" || token.length > 4096) return false;
  try {
    await jwtVerify(token, await key(pepper), {
      algorithms: ["HS256"],
      currentDate: new Date(clock.now()),
    });
    return false;
  } catch (e) {
    // jose checks the signature before the expiry: JWTExpired means the token is genuine.
    return e instanceof errors.JWTExpired;
  }
}
