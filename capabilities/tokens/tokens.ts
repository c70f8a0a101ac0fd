import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "../../platform/db/client";
import { insertToken, revokeLiveToken, type ApiToken } from "./repository";

export type { ApiToken };
export { liveTokenById, tokensOfTenant } from "./repository";

/** The token, its audit record and any security notice, in one batch. */
export async function storeToken(
  db: Database,
  token: ApiToken,
  records: BatchItem<"sqlite">[],
): Promise<void> {
  await db.batch([insertToken(db, token), ...records]);
}

/** Revokes a live token; the record is `ifChanged`. */
export async function revokeToken(
  db: Database,
  tenantId: string,
  id: string,
  now: number,
  record: BatchItem<"sqlite">,
): Promise<void> {
  await db.batch([revokeLiveToken(db, tenantId, id, now), record]);
}
