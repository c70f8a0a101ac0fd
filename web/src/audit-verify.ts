/**
 * In-browser verification of an audit export with the public JWKS: every hash and prev link,
 * the Merkle root and the signed checkpoint. Loaded on demand (it brings jose and SHA-256).
 */
import { parseJwks } from "../../core/audit/checkpoint";
import { verifyAuditExport } from "../../core/audit/verify-export";
import { summarizeVerification } from "./audit-summary";
import type { VerificationSummary } from "./audit-summary";

export async function verifyExport(text: string, jwks: unknown): Promise<VerificationSummary> {
  let keys;
  try {
    keys = parseJwks(jwks);
  } catch {
    return { ok: false, text: "✗ The published keys (/.well-known/jwks.json) are not a JWKS." };
  }
  return summarizeVerification(await verifyAuditExport(text, { jwks: keys }));
}
