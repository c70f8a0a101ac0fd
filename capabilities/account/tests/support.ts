import { env } from "cloudflare:test";
import { call, eventually, outboxFor, signUp } from "../../../tests/helpers/client";
import type { CallOptions } from "../../../tests/helpers/client";

/** Issue 17 test helpers: email changes, revert links, cross-device requests. */

export type Person = Awaited<ReturnType<typeof signUp>>;

/** `name=value` of a cookie named `name` (with or without `__Host-`) that a response set. */
export function cookieFrom(res: Response, name: string): string {
  const set = res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`) || c.startsWith(`__Host-${name}=`));
  if (!set) throw new Error(`no ${name} cookie set`);
  return set.split(";")[0]!;
}

/** The 6-digit code of the newest "confirm your new address" mail to `email`. */
export async function changeCode(email: string): Promise<string> {
  const mail = (await outboxFor(email)).find((m) => m.subject.startsWith("Confirm your new"));
  const code = mail?.subject.match(/(\d{6})$/)?.[1];
  if (!code) throw new Error(`no change code mailed to ${email}`);
  return code;
}

/** Changes `person`'s address to `to` the way the console does (start, then the mailed code). */
export async function changeEmail(person: Person, to: string, o: CallOptions = {}) {
  const start = await call("/api/me/email/change", {
    body: { new_email: to },
    cookie: person.cookie,
    ...o,
  });
  if (start.status !== 202) throw new Error(`change ${start.status}: ${await start.text()}`);
  const res = await call("/api/me/email/confirm", {
    body: { code: await changeCode(to) },
    cookie: person.cookie,
    ...o,
  });
  if (res.status !== 200) throw new Error(`confirm ${res.status}: ${await res.text()}`);
}

/** The revert link of the newest "address changed" notice mailed to `oldEmail`, from its HTML. */
export async function revertLink(oldEmail: string, skip = 0): Promise<string> {
  const mails = await eventually(async () => {
    const found = (await outboxFor(oldEmail)).filter((m) =>
      /address of your Gatehouse account changed/.test(m.subject),
    );
    return found.length > skip ? found : null;
  });
  const href = /href="([^"]*\/auth\/email-revert\?token=[^"]+)"/.exec(mails[0]!.html)?.[1];
  if (!href) throw new Error("no revert link in the notice");
  return (
    new URL(href.replace(/&amp;/g, "&")).pathname + new URL(href.replace(/&amp;/g, "&")).search
  );
}

/** Submits a link page's form as a browser would (same-origin form post). */
export async function submitLinkForm(path: string): Promise<Response> {
  const token = new URL(path, "http://x").searchParams.get("token")!;
  return call(path.split("?")[0]!, {
    rawBody: new URLSearchParams({ token }).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
}

export async function emailOf(userId: string): Promise<string | null> {
  const row = await env.DB.prepare("SELECT email FROM users WHERE id = ?1")
    .bind(userId)
    .first<{ email: string }>();
  return row?.email ?? null;
}

/** A phone starting a cross-device sign-in: its code and its secret cookie. */
export async function startDeviceSignIn(o: CallOptions = {}) {
  const res = await call("/api/auth/device/start", { method: "POST", ...o });
  if (res.status !== 201) throw new Error(`device start ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { code: string; approve_url: string; expires_at: string };
  return { ...body, secretCookie: cookieFrom(res, "device_sign_in") };
}

export const poll = (cookie: string | undefined, o: CallOptions = {}) =>
  call("/api/auth/device/poll", { method: "POST", ...(cookie ? { cookie } : {}), ...o });
