import { signPurposeToken, verifyPurposeToken } from "./signed-token";

const PURPOSE = "gatehouse/not-me";
const TTL_SECONDS = 7 * 24 * 60 * 60;

/** A signed, 7-day link token that lets the person revoke all of their sessions. */
export function signNotMeToken(pepper: string, userId: string, loginEventId: string) {
  return signPurposeToken(pepper, PURPOSE, { sub: userId, evt: loginEventId }, TTL_SECONDS);
}

export async function verifyNotMeToken(
  pepper: string,
  token: string,
): Promise<{ userId: string; loginEventId: string } | null> {
  const claims = await verifyPurposeToken(pepper, PURPOSE, token);
  return claims ? { userId: claims.sub, loginEventId: String(claims.evt ?? "") } : null;
}
