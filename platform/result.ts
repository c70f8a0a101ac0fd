/**
 * What the Durable Object answers over RPC: a value, or an expected failure the Worker turns
 * into the standard error response (thrown errors are reserved for real faults).
 */
export type Failure = {
  ok: false;
  status: 400 | 401 | 403 | 404 | 409 | 410 | 422;
  code: string;
  message: string;
  issues?: { path: string; message: string }[];
};
export type Result<T> = { ok: true; value: T } | Failure;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (
  status: Failure["status"],
  code: string,
  message: string,
  issues?: Failure["issues"],
): Failure => ({ ok: false, status, code, message, ...(issues ? { issues } : {}) });
