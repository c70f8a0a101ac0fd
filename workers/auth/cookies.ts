import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../http/context";

/** `__Host-session` (Secure) everywhere except plain-http localhost in development. */
function cookieName(c: Context<AppEnv>): { name: string; secure: boolean } {
  const insecureDev =
    c.var.config.environment === "development" && new URL(c.req.url).protocol === "http:";
  return insecureDev
    ? { name: "session", secure: false }
    : { name: "__Host-session", secure: true };
}

export function readSessionCookie(c: Context<AppEnv>): string | undefined {
  return getCookie(c, cookieName(c).name);
}

export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  const { name, secure } = cookieName(c);
  setCookie(c, name, token, {
    httpOnly: true,
    secure,
    sameSite: "Lax",
    path: "/",
    maxAge: Math.floor(c.var.config.sessionLifetimeMs / 1000),
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  const { name, secure } = cookieName(c);
  deleteCookie(c, name, { path: "/", secure, httpOnly: true, sameSite: "Lax" });
}
