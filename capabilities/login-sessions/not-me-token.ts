import { checkPurposeToken, signPurposeToken, verifyPurposeToken } from "../../platform/signed-token";

const PURPOSE = "gatehouse/not-me";
const TTL_SECONDS = 7 * 24 * 60 * 60;

/**
 * A signed, 7-day link token that lets the person revoke all of their sessions. `loginEventId`
 * names the event the email was about (a sign-in, or a security-log event); it makes each link
 * single use.
 */
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

export async function checkNotMeToken(pepper: string, token: string) {
  const check = await checkPurposeToken(pepper, PURPOSE, token);
  if (check.status !== "valid") return check;
  return {
    status: "valid" as const,
    userId: check.claims.sub,
    loginEventId: String(check.claims.evt ?? ""),
  };
}
