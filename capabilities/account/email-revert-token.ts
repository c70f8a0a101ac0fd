import { checkPurposeToken, signPurposeToken } from "../../platform/signed-token";

const PURPOSE = "gatehouse/email-revert";
const TTL_SECONDS = 7 * 24 * 60 * 60;

/**
 * Issue 17: the link in the notice to the previous address after an email change. It names the
 * change, so it can only undo that one, works for 7 days, and once (the change's `reverted_at`).
 */
export function signEmailRevertToken(pepper: string, userId: string, changeId: string) {
  return signPurposeToken(pepper, PURPOSE, { sub: userId, chg: changeId }, TTL_SECONDS);
}

export async function checkEmailRevertToken(pepper: string, token: string) {
  const check = await checkPurposeToken(pepper, PURPOSE, token);
  if (check.status !== "valid") return check;
  const changeId = check.claims.chg;
  if (typeof changeId !== "string") return { status: "invalid" as const };
  return { status: "valid" as const, userId: check.claims.sub, changeId };
}
