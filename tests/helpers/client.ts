import { env, SELF } from "cloudflare:test";
import { watch } from "./canary-watch";
import { useTestClock } from "./clock";

export const ORIGIN = "http://localhost:8787";
export const PHONE_UA =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

let ipCounter = 0;
/** A fresh client IP per test keeps per-IP rate limits from leaking between tests. */
export const freshIp = () =>
  `198.51.${Math.floor(++ipCounter / 250) % 250}.${(ipCounter % 250) + 1}`;

let emailCounter = 0;
export const freshEmail = (tag = "user") => `${tag}-${Date.now()}-${++emailCounter}@example.com`;

export interface CallOptions {
  method?: string;
  body?: unknown;
  rawBody?: BodyInit;
  cookie?: string;
  ip?: string;
  origin?: string | null;
  headers?: Record<string, string>;
  cf?: Record<string, unknown>;
}

export async function call(path: string, o: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { "user-agent": PHONE_UA, ...o.headers };
  if (o.origin !== null) headers.origin = o.origin ?? ORIGIN;
  if (o.cookie) headers.cookie = o.cookie;
  if (o.ip) headers["cf-connecting-ip"] = o.ip;
  let body = o.rawBody;
  if (o.body !== undefined) {
    body = JSON.stringify(o.body);
    headers["content-type"] ??= "application/json";
  }
  const res = await SELF.fetch(`${ORIGIN}${path}`, {
    method: o.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    body,
    ...(o.cf ? { cf: o.cf } : {}),
  } as RequestInit);
  if (!res.headers.get("content-type")?.includes("event-stream")) {
    watch(`response ${path}`, await res.clone().text());
  }
  return res;
}

/** `name=value` of the session cookie a response set. */
export function sessionCookie(res: Response): string {
  const set = res.headers.getSetCookie().find((c) => /^(__Host-)?session=/.test(c));
  if (!set) throw new Error("no session cookie set");
  return set.split(";")[0]!;
}

export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  created_at: number;
}

export async function outboxFor(email: string): Promise<OutboxMessage[]> {
  const { results } = await env.DB.prepare(
    "SELECT * FROM dev_outbox WHERE `to` = ?1 ORDER BY created_at DESC, rowid DESC",
  )
    .bind(email)
    .all<OutboxMessage>();
  return results;
}

export async function latestCode(email: string): Promise<string> {
  const mail = (await outboxFor(email)).find((m) => m.subject.startsWith("Your Gatehouse code"));
  const code = mail?.subject.match(/(\d{6})$/)?.[1];
  if (!code) throw new Error(`no code mailed to ${email}`);
  return code;
}

/** Polls until `check` returns a value (background work such as waitUntil mail delivery). */
export async function eventually<T>(
  check: () => Promise<T | undefined | null>,
  tries = 100,
): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await check();
    if (value !== undefined && value !== null) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("condition not met in time");
}

/** Moves the clock past the resend cooldown, so the next code can be requested at once. */
export function skipCooldown(): void {
  useTestClock().advance(61_000);
}

export async function signUp(email = freshEmail(), ip = freshIp(), extra: CallOptions = {}) {
  const start = await call("/api/auth/otp/start", { body: { email }, ip, ...extra });
  if (start.status !== 202) throw new Error(`otp start ${start.status}: ${await start.text()}`);
  const code = await latestCode(email);
  const res = await call("/api/auth/otp/verify", { body: { email, code }, ip, ...extra });
  if (res.status !== 200) throw new Error(`otp verify ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { user: { id: string; email: string }; new_user: boolean };
  return { email, ip, cookie: sessionCookie(res), user: body.user, newUser: body.new_user };
}

export async function countRows(table: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table}`).first<{ n: number }>();
  return row!.n;
}

export async function expectError(res: Response, status: number, code: string) {
  const body = (await res.json()) as {
    error: { code: string; message: string; issues: unknown[] };
  };
  if (res.status !== status || body.error?.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${res.status} ${JSON.stringify(body)}`);
  }
  if (typeof body.error.message !== "string" || !Array.isArray(body.error.issues)) {
    throw new Error(`bad error shape ${JSON.stringify(body)}`);
  }
  return body.error;
}
