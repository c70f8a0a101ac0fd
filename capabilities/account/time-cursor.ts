/**
 * The account's newest-first lists (sign-in history, security log) page by `<created_at>_<id>`
 * (the `Cursor` query in contract.ts checks its shape).
 */
export function rowsBefore(cursor: string | undefined): { beforeTime: number; afterId: string } {
  if (!cursor) return { beforeTime: Number.MAX_SAFE_INTEGER, afterId: "" };
  const [time, id] = cursor.split("_");
  return { beforeTime: Number(time), afterId: id ?? "" };
}

/** The first `limit` of `rows` (fetched as `limit + 1`), and the cursor of the next page. */
export function pageOf<R extends { created_at: number; id: string }>(
  rows: R[],
  limit: number,
): { page: R[]; next_cursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    page,
    next_cursor: rows.length > limit && last ? `${last.created_at}_${last.id}` : null,
  };
}
