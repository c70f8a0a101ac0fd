import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "./app-env";

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

/**
 * Issue 17: a long-lived random id of this browser (`__Host-device`), so sign-in history can
 * badge the first sign-in from a device. It is no credential: it only tells "seen before".
 */
const DEVICE_COOKIE_MAX_AGE = 400 * 24 * 60 * 60;

function prefixed(c: Context<AppEnv>, base: string): { name: string; secure: boolean } {
  const { secure } = cookieName(c);
  return { name: secure ? `__Host-${base}` : base, secure };
}

export function readDeviceCookie(c: Context<AppEnv>): string | undefined {
  const value = getCookie(c, prefixed(c, "device").name);
  return value && /^[A-Za-z0-9_-]{20,64}$/.test(value) ? value : undefined;
}

export function setDeviceCookie(c: Context<AppEnv>, token: string): void {
  const { name, secure } = prefixed(c, "device");
  setCookie(c, name, token, {
    httpOnly: true,
    secure,
    sameSite: "Lax",
    path: "/",
    maxAge: DEVICE_COOKIE_MAX_AGE,
  });
}

/** Issue 17: the phone's half of a cross-device sign-in (only this browser can collect it). */
export const DEVICE_SIGN_IN_COOKIE_MAX_AGE = 120;

export function readDeviceSignInCookie(c: Context<AppEnv>): string | undefined {
  const value = getCookie(c, prefixed(c, "device_sign_in").name);
  return value && /^[A-Za-z0-9_-]{20,64}$/.test(value) ? value : undefined;
}

export function setDeviceSignInCookie(c: Context<AppEnv>, secret: string): void {
  const { name, secure } = prefixed(c, "device_sign_in");
  setCookie(c, name, secret, {
    httpOnly: true,
    secure,
    sameSite: "Strict",
    path: "/",
    maxAge: DEVICE_SIGN_IN_COOKIE_MAX_AGE,
  });
}

export function clearDeviceSignInCookie(c: Context<AppEnv>): void {
  const { name, secure } = prefixed(c, "device_sign_in");
  deleteCookie(c, name, { path: "/", secure, httpOnly: true, sameSite: "Strict" });
}
