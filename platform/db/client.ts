import { getTableName, sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { drizzle, type DrizzleD1Database } from "drizzle-orm/d1";
import * as schema from "./schema";

/** The typed D1 handle repositories query through (drizzle, typed from ./schema.ts). */
export type Database = DrizzleD1Database<typeof schema>;

const handles = new WeakMap<D1Database, Database>();

/**
 * The drizzle handle for a D1 binding — in a request, the resilient one the Worker wraps
 * (retries, 503 Retry-After), so every query keeps those guarantees. One handle per binding.
 */
export function database(d1: D1Database): Database {
  let db = handles.get(d1);
  if (!db) {
    db = drizzle(d1, { schema });
    handles.set(d1, db);
  }
  return db;
}

/** A statement for `db.batch([...])`. */
export type Query = BatchItem<"sqlite">;

/**
 * `"table"."column"`, for an outer column inside a correlated subquery written with `sql`:
 * in a single-table query drizzle writes a bare `"column"`, which the subquery would bind to
 * its own table.
 */
export const qualified = (column: SQLiteColumn): SQL =>
  sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
