import { getTableColumns, is, SQL, sql, type InferInsertModel } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Database } from "./client";

/** A column's value in `insertSelect`: a value (encoded like the column's) or an SQL expression. */
export type SelectRow<T extends SQLiteTable> = {
  [K in keyof InferInsertModel<T>]?: InferInsertModel<T>[K] | SQL;
};

/**
 * `INSERT INTO table SELECT <row> <tail>`: a conditional insert (`WHERE EXISTS …`, `FROM (…) g`)
 * as a batchable builder query. The SELECT lists the table's columns in schema order — named,
 * so a column can never land in another's place; one left out gets its default or NULL.
 */
export function insertSelect<T extends SQLiteTable>(
  db: Database,
  table: T,
  row: SelectRow<T>,
  tail: SQL = sql``,
) {
  const values = Object.entries(getTableColumns(table)).map(([key, column]) => {
    const value = (row as Record<string, unknown>)[key];
    if (value !== undefined) return is(value, SQL) ? value : sql.param(value, column);
    if (column.default === undefined) return sql`NULL`;
    return is(column.default, SQL) ? column.default : sql.param(column.default, column);
  });
  return db.insert(table).select(sql`SELECT ${sql.join(values, sql`, `)} ${tail}`);
}
