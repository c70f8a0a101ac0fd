/**
 * In-browser verification of an audit export with the public JWKS: every hash and prev link,
 * the Merkle root and the signed head. Loaded on demand (it brings jose and SHA-256).
 */
import { parseJwks } from "../../core/audit/checkpoint";
import { verifyAuditExportBytes } from "../../core/audit/verify-export";
import { summarizeVerification } from "./audit-summary";
import type { VerificationSummary } from "./audit-summary";

/** Checks the export's bytes (strict UTF-8 and I-JSON) as signed for `tenantId`. */
export async function verifyExport(
  bytes: Uint8Array,
  jwks: unknown,
  tenantId: string,
): Promise<VerificationSummary> {
  let keys;
  try {
    keys = parseJwks(jwks);
  } catch {
    return { ok: false, text: "✗ The published keys (/.well-known/jwks.json) are not a JWKS." };
  }
  return summarizeVerification(
    await verifyAuditExportBytes(bytes, { jwks: keys, tenant: tenantId }),
  );
}
