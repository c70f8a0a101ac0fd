import { jwtVerify, SignJWT } from "jose";
import { utf8 } from "../../core/encoding";

const PURPOSE = "gatehouse/not-me";
const TTL = "7d";

async function key(pepper: string): Promise<Uint8Array> {
  const hmacKey = await crypto.subtle.importKey(
    "raw",
    utf8.encode(pepper),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return new Uint8Array(await crypto.subtle.sign("HMAC", hmacKey, utf8.encode(PURPOSE)));
}

/** A signed, 7-day link token that lets the person revoke all of their sessions. */
export async function signNotMeToken(pepper: string, userId: string, loginEventId: string) {
  return new SignJWT({ purpose: PURPOSE, evt: loginEventId })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(userId)
    .setIssuedAt()
    .setExpirationTime(TTL)
    .sign(await key(pepper));
}

export async function verifyNotMeToken(
  pepper: string,
  token: string,
): Promise<{ userId: string; loginEventId: string } | null> {
  try {
    const { payload } = await jwtVerify(token, await key(pepper), { algorithms: ["HS256"] });
    if (payload.purpose !== PURPOSE || typeof payload.sub !== "string") return null;
    return { userId: payload.sub, loginEventId: String(payload.evt ?? "") };
  } catch {
    return null;
  }
}
