import type { AuditVerifyResult } from "../../core/audit/verify-export";
import { shortId } from "./format";

export interface VerificationSummary {
  ok: boolean;
  /** One sentence for people: what was verified, or where and why it failed. */
  text: string;
}

export function summarizeVerification(result: AuditVerifyResult): VerificationSummary {
  if (!result.ok) {
    return {
      ok: false,
      text: `✗ Verification failed at seq ${result.seq} (line ${result.line}): ${result.reason}`,
    };
  }
  const count = `${result.events} ${result.events === 1 ? "event" : "events"}`;
  const signer =
    result.head.signature === "verified"
      ? `, signed by kid ${result.head.kid}`
      : ", signature not checked";
  return { ok: true, text: `✓ ${count} verified, root ${shortId(result.root, 16)}${signer}` };
}
