/**
 * The tenant of a tenant Durable Object is its name (`getByName(tenant)`, `ctx.id.name`). It is
 * kept in `meta` the first time the object is reached by name, so an object started without one
 * (its alarm after an eviction, or a stub from `idFromString`) reads it back from there.
 */
export function bindName(sql: SqlStorage, name: string | undefined): string | null {
  if (name) sql.exec(`INSERT OR IGNORE INTO meta (key, value) VALUES ('tenant_id', ?)`, name);
  const row = sql
    .exec<{ value: string }>(`SELECT value FROM meta WHERE key = 'tenant_id'`)
    .toArray()[0];
  return row?.value ?? null;
}
