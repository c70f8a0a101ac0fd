/**
 * Wraps a D1 binding so every round trip (`first`, `all`, `run`, `raw`, `batch`, `exec`) goes
 * through one function that sees the SQL it carries. Production uses it to retry transient
 * errors (./resilient.ts); tests use it to count round trips and to inject D1's own errors at
 * the binding boundary.
 */
export interface D1Call {
  method: "first" | "all" | "run" | "raw" | "batch" | "exec";
  /** The SQL of each statement the round trip carries. */
  sql: readonly string[];
}

export type D1Interceptor = <T>(call: D1Call, execute: () => Promise<T>) => Promise<T>;

class InterceptedStatement {
  constructor(
    readonly inner: D1PreparedStatement,
    readonly sql: string,
    private readonly intercept: D1Interceptor,
  ) {}

  bind(...values: unknown[]): InterceptedStatement {
    return new InterceptedStatement(this.inner.bind(...values), this.sql, this.intercept);
  }

  first<T>(column?: string): Promise<T | null> {
    return this.intercept({ method: "first", sql: [this.sql] }, () =>
      column === undefined ? this.inner.first<T>() : this.inner.first<T>(column),
    );
  }

  all<T>(): Promise<D1Result<T>> {
    return this.intercept({ method: "all", sql: [this.sql] }, () => this.inner.all<T>());
  }

  run<T>(): Promise<D1Result<T>> {
    return this.intercept({ method: "run", sql: [this.sql] }, () => this.inner.run<T>());
  }

  raw<T>(options?: { columnNames?: boolean }): Promise<unknown> {
    return this.intercept<unknown>({ method: "raw", sql: [this.sql] }, () =>
      options?.columnNames ? this.inner.raw<T>({ columnNames: true }) : this.inner.raw<T>(),
    );
  }
}

const unwrap = (s: D1PreparedStatement): D1PreparedStatement =>
  s instanceof InterceptedStatement ? s.inner : s;
const sqlOf = (s: D1PreparedStatement): string => (s instanceof InterceptedStatement ? s.sql : "");

export function interceptD1(db: D1Database, intercept: D1Interceptor): D1Database {
  const wrapped = {
    // The one raw `prepare(`: the wrapper drizzle's statements go through (ESLint exempts platform/db).
    prepare: (sql: string) => new InterceptedStatement(db.prepare(sql), sql, intercept),
    batch: <T>(statements: D1PreparedStatement[]) =>
      intercept({ method: "batch", sql: statements.map(sqlOf) }, () =>
        db.batch<T>(statements.map(unwrap)),
      ),
    exec: (sql: string) => intercept({ method: "exec", sql: [sql] }, () => db.exec(sql)),
    dump: () => db.dump(),
    withSession: (constraint?: string) => db.withSession(constraint),
  };
  return wrapped as unknown as D1Database;
}
