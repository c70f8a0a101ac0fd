import { z } from "zod";
import { parseKekRing } from "../core/vault/kek-ring";
import type { Env } from "./env";

/** Sign-in codes one IP address may request per hour. */
export const OTP_STARTS_PER_IP_HOUR = 20;

const HOUR_MS = 60 * 60 * 1000;
const environment = z.enum(["development", "production"]);

const configSchema = z
  .object({
    ENVIRONMENT: environment,
    ORIGINS: z.string().min(1, "ORIGINS must list the console's origins"),
    RP_ID: z.string().min(1).default("localhost"),
    RP_NAME: z.string().min(1).default("Gatehouse"),
    MAIL_FROM: z.string().min(3).default("Gatehouse <login@gatehouse.localhost>"),
    RESEND_BASE_URL: z.url().default("https://api.resend.com"),
    AUTH_PEPPER: z.string().min(32, "AUTH_PEPPER must be at least 32 characters"),
    RESEND_API_KEY: z.string().min(1).optional(),
    VAULT_KEKS: z.string({ error: "VAULT_KEKS is required (id:base64key[,id:base64key...])" }),
    OPERATOR_TOKEN: z.string().min(32, "OPERATOR_TOKEN must be at least 32 characters").optional(),
    SESSION_LIFETIME_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(24 * 30),
    SESSION_IDLE_HOURS: z.coerce
      .number()
      .int()
      .min(12, "SESSION_IDLE_HOURS can be no lower than 12")
      .max(24 * 90)
      .default(24 * 7),
    ALLOW_LOCAL_PROVIDERS: z.enum(["true", "false"]).default("false"),
    /** Development only: invitations expire this many seconds after sending (tests of expiry). */
    INVITE_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(10)
      .max(7 * 24 * 60 * 60)
      .optional(),
    /**
     * Development only: sign-in codes one address may request per hour (default 20). A browser
     * suite signs in dozens of people from one loopback address.
     */
    OTP_STARTS_PER_IP_HOUR: z.coerce.number().int().min(1).max(10_000).optional(),
  })
  .superRefine((c, ctx) => {
    // parseKekRing's messages name entries by position and never echo key text.
    const ring = parseKekRing(c.VAULT_KEKS);
    if (!ring.ok) ctx.addIssue({ code: "custom", path: ["VAULT_KEKS"], message: ring.error });
    if (c.ENVIRONMENT === "production" && !c.RESEND_API_KEY) {
      ctx.addIssue({ code: "custom", path: ["RESEND_API_KEY"], message: "required in production" });
    }
    if (c.ENVIRONMENT === "production" && c.INVITE_TTL_SECONDS !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["INVITE_TTL_SECONDS"],
        message: "development only (invitations last 7 days)",
      });
    }
    if (c.ENVIRONMENT === "production" && c.OTP_STARTS_PER_IP_HOUR !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["OTP_STARTS_PER_IP_HOUR"],
        message: "development only (20 codes per address per hour)",
      });
    }
  });

export interface Config {
  environment: z.infer<typeof environment>;
  origins: readonly string[];
  rpId: string;
  rpName: string;
  mailFrom: string;
  resendBaseUrl: string;
  resendApiKey: string | undefined;
  authPepper: string;
  /** The KEK ring text; validated here, imported (and cached) by `capabilities/vault/keyring.ts`. */
  vaultKeks: string;
  /** Bearer secret for the platform operator endpoints (`/api/operator/*`); unset = disabled. */
  operatorToken: string | undefined;
  /** Sign-in sessions end this long after sign-in, whatever happens. */
  sessionLifetimeMs: number;
  /** …and after this long without a request (renewed on use). */
  sessionIdleMs: number;
  /** `ALLOW_LOCAL_PROVIDERS=true`: model providers may be http(s)://localhost, 127.0.0.1, [::1]. */
  allowLocalProviders: boolean;
  /** How long an invitation link works: 7 days unless `INVITE_TTL_SECONDS` (development) says. */
  inviteTtlMs: number;
  /** Sign-in codes one IP address may request per hour: 20 unless `OTP_STARTS_PER_IP_HOUR`. */
  otpStartsPerIpHour: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`configuration invalid: ${problems.join("; ")}`);
  }
}

const cache = new WeakMap<object, Config>();

/** Validates the Worker's configuration once per env object; names problems, never values. */
export function loadConfig(env: Env): Config {
  const hit = cache.get(env);
  if (hit) return hit;
  const parsed = configSchema.safeParse({ ...env, ORIGINS: env.ORIGINS ?? "" });
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const c = parsed.data;
  const config: Config = {
    environment: c.ENVIRONMENT,
    origins: c.ORIGINS.split(",")
      .map((o) => o.trim())
      .filter(Boolean),
    rpId: c.RP_ID,
    rpName: c.RP_NAME,
    mailFrom: c.MAIL_FROM,
    resendBaseUrl: c.RESEND_BASE_URL,
    resendApiKey: c.RESEND_API_KEY,
    authPepper: c.AUTH_PEPPER,
    vaultKeks: c.VAULT_KEKS,
    operatorToken: c.OPERATOR_TOKEN,
    sessionLifetimeMs: c.SESSION_LIFETIME_HOURS * HOUR_MS,
    sessionIdleMs: Math.min(c.SESSION_IDLE_HOURS, c.SESSION_LIFETIME_HOURS) * HOUR_MS,
    allowLocalProviders: c.ALLOW_LOCAL_PROVIDERS === "true",
    inviteTtlMs: (c.INVITE_TTL_SECONDS ?? 7 * 24 * 60 * 60) * 1000,
    otpStartsPerIpHour: c.OTP_STARTS_PER_IP_HOUR ?? OTP_STARTS_PER_IP_HOUR,
  };
  cache.set(env, config);
  return config;
}
