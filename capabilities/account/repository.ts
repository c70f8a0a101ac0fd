import { sql } from "drizzle-orm";
import type { Database } from "../../platform/db/client";
import { emailChanges } from "../../platform/db/schema";
import { countHit, type RateLimit } from "../../platform/rate-limit";

/**
 * Counts one attempt at the person's latest live email-change code, with the rate limit, in one
 * batch: the window's count and the change attempted (none: no live change).
 */
export async function attemptEmailChange(
  db: Database,
  a: { userId: string; limit: RateLimit; now: number; maxAttempts: number },
) {
  const [hit, attempted] = await db.batch([
    countHit(db, a.limit, a.now),
    db
      .update(emailChanges)
      .set({ attempts: sql`attempts + 1` })
      .where(
        sql`id = (SELECT id FROM ${emailChanges}
                   WHERE user_id = ${a.userId} AND confirmed_at IS NULL AND voided_at IS NULL
                     AND expires_at > ${a.now} AND attempts < ${a.maxAttempts}
                   ORDER BY created_at DESC LIMIT 1)`,
      )
      .returning({
        id: emailChanges.id,
        fromEmail: emailChanges.fromEmail,
        toEmail: emailChanges.toEmail,
        codeHmac: emailChanges.codeHmac,
        attempts: emailChanges.attempts,
      }),
  ]);
  return { hit: hit[0]?.count, change: attempted[0] };
}
