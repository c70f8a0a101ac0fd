import type { Database } from "../../platform/db/client";
import type { Batchable } from "./member-repository";
import {
  acceptTransferQueries,
  cancelPendingTransfers,
  declineTransfer,
  insertTransfer,
  pendingTransferById,
} from "./ownership-repository";

export type { PendingTransfer } from "./ownership-repository";
export { liveTransferOfTenant, liveTransfersTo, pendingTransferTo } from "./ownership-repository";

/** A new offer replaces the pending one; returns it as listed. */
export async function offerTransfer(
  db: Database,
  t: {
    id: string;
    tenantId: string;
    fromUserId: string;
    toUserId: string;
    now: number;
    expiresAt: number;
  },
  record: Batchable,
) {
  await db.batch([cancelPendingTransfers(db, t.tenantId, t.now), insertTransfer(db, t), record]);
  return pendingTransferById(db, t.id);
}

/** Withdraws the pending offer; false if there was none. The record is `ifChanged`. */
export async function withdrawTransfer(
  db: Database,
  tenantId: string,
  now: number,
  record: Batchable,
): Promise<boolean> {
  const [closed] = await db.batch([cancelPendingTransfers(db, tenantId, now), record]);
  return closed.meta.changes > 0;
}

/** Accepts in one batch; false if it lost a race (see `acceptTransferQueries`). */
export async function acceptTransfer(
  db: Database,
  a: { id: string; tenantId: string; toUserId: string; fromUserId: string; now: number },
  record: Batchable,
): Promise<boolean> {
  const q = acceptTransferQueries(db, a);
  const [closed] = await db.batch([q.close, record, q.promote, q.demote, q.revokeOwnerTokens]);
  return closed.meta.changes > 0;
}

export async function refuseTransfer(
  db: Database,
  id: string,
  now: number,
  record: Batchable,
): Promise<void> {
  await db.batch([declineTransfer(db, id, now), record]);
}
