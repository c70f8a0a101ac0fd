import type { GuardBinding } from "../core/untrusted/guard";
import type { TenantDO } from "../durable-objects/tenant";

/** Bindings, vars (wrangler.toml) and secrets (.dev.vars / `wrangler secret put`). */
export interface Env {
  DB: D1Database;
  TENANT: DurableObjectNamespace<TenantDO>;
  ASSETS?: Fetcher;
  ENVIRONMENT: string;
  RP_ID?: string;
  RP_NAME?: string;
  ORIGINS?: string;
  MAIL_FROM?: string;
  RESEND_BASE_URL?: string;
  AUTH_PEPPER?: string;
  VAULT_KEKS?: string;
  SIGNING_KEY?: string;
  /** JWKS of retired checkpoint keys, still published so old checkpoints verify. */
  SIGNING_KEYS_RETIRED?: string;
  RESEND_API_KEY?: string;
  /** Enables `/api/operator/*` (vault KEK rewrap across tenants) for a bearer of this value. */
  OPERATOR_TOKEN?: string;
  SESSION_LIFETIME_HOURS?: string;
  SESSION_IDLE_HOURS?: string;
  /** Workers AI, for the optional injection guard model. */
  AI?: GuardBinding;
  /** `llama-guard` asks that model as a further opinion on fetched content (off when unset). */
  INJECTION_GUARD?: string;
  /** KV namespace of the MCP OAuth authorization server (clients, grants, hashed tokens). */
  OAUTH_KV: KVNamespace;
  /** Seconds a tools/call waits for a person's approval before "retry with the same call". */
  MCP_APPROVAL_HOLD_SECONDS?: string;
  /** `true` (development only): upstream MCP servers may be on loopback/private addresses. */
  MCP_UPSTREAM_ALLOW_LOOPBACK?: string;
  /** `true` lets a syslog sink be on localhost/127.0.0.1 — honoured only in development. */
  SINK_ALLOW_LOOPBACK?: string;
  /** "true" lets a tenant configure a model server on localhost (never implied by ENVIRONMENT). */
  ALLOW_LOCAL_PROVIDERS?: string;
  INVITE_TTL_SECONDS?: string;
  OTP_STARTS_PER_IP_HOUR?: string;
}

type GatehouseEnv = Env;
declare global {
  namespace Cloudflare {
    // `import { env } from "cloudflare:test"` and `cloudflare:workers` see the same bindings.
    interface Env extends GatehouseEnv {}
  }
}
