import { checkPurposeToken, signPurposeToken, verifyPurposeToken } from "../../platform/signed-token";

const PURPOSE = "gatehouse/approval";
export const APPROVAL_LINK_MAX_TTL_SECONDS = 24 * 60 * 60;

/**
 * A one-time approval link: signed for one approval and the member who asked for it. It works
 * once because an approval can only be decided once; it expires with the approval (≤ 24 h).
 */
export interface ApprovalLinkClaim {
  tenantId: string;
  approvalId: string;
  userId: string;
}

export function signApprovalLink(pepper: string, claim: ApprovalLinkClaim, ttlSeconds: number) {
  return signPurposeToken(
    pepper,
    PURPOSE,
    { sub: claim.userId, tid: claim.tenantId, apr: claim.approvalId },
    Math.max(1, Math.min(ttlSeconds, APPROVAL_LINK_MAX_TTL_SECONDS)),
  );
}

export async function verifyApprovalLink(
  pepper: string,
  token: string,
): Promise<ApprovalLinkClaim | null> {
  const c = await verifyPurposeToken(pepper, PURPOSE, token);
  if (!c || typeof c.tid !== "string" || typeof c.apr !== "string") return null;
  return { tenantId: c.tid, approvalId: c.apr, userId: c.sub };
}

/** As `verifyApprovalLink`, telling an expired link apart from an altered one. */
export async function checkApprovalLink(
  pepper: string,
  token: string,
): Promise<{ status: "valid"; claim: ApprovalLinkClaim } | { status: "expired" | "invalid" }> {
  const c = await checkPurposeToken(pepper, PURPOSE, token);
  if (c.status !== "valid") return c;
  const { tid, apr, sub } = c.claims;
  if (typeof tid !== "string" || typeof apr !== "string") return { status: "invalid" };
  return { status: "valid", claim: { tenantId: tid, approvalId: apr, userId: sub } };
}

const NOTICE_PURPOSE = "gatehouse/approval-notice";

/**
 * The link an approval notice (a Slack message) carries: it names one approval and proves the
 * message came from us, but grants nothing — the page it opens needs a sign-in to decide, so
 * everyone who can read the channel is not an approver.
 */
export function signApprovalNotice(
  pepper: string,
  notice: { tenantId: string; approvalId: string },
  ttlSeconds: number,
) {
  return signPurposeToken(
    pepper,
    NOTICE_PURPOSE,
    { sub: notice.approvalId, tid: notice.tenantId },
    Math.max(1, Math.min(ttlSeconds, APPROVAL_LINK_MAX_TTL_SECONDS)),
  );
}

export async function checkApprovalNotice(
  pepper: string,
  token: string,
): Promise<
  { status: "valid"; tenantId: string; approvalId: string } | { status: "expired" | "invalid" }
> {
  const c = await checkPurposeToken(pepper, NOTICE_PURPOSE, token);
  if (c.status !== "valid") return c;
  if (typeof c.claims.tid !== "string") return { status: "invalid" };
  return { status: "valid", tenantId: c.claims.tid, approvalId: c.claims.sub };
}
