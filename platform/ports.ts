import type { Clock } from "../core/clock";
import type { MailTransport } from "./mail/transport";

/**
 * What the tenant Durable Object's parts reach outside the object through. Each part takes only
 * the ports it needs; `durable-objects/ports.ts` builds the production ones from `env`, once.
 * The capability-specific ports are beside their capability (`VaultPort`, `ModelPort`, …).
 */

/** "Now": the server clock (`platform/clock.ts`) in production. */
export type ClockPort = Clock;

/** Outbound HTTP (the global `fetch` in production, looked up at call time). */
export type FetchPort = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** The D1 database, for a part that reads or writes it from inside the object. */
export type D1Port = D1Database;

/** Sends one mail (Resend, or the dev outbox in development). */
export type MailerPort = MailTransport;

/** The deployment's settings the object's parts use, read from `env` once. */
export interface TenantSettings {
  /** The first of ORIGINS ("" when unset): links and host names in what the object sends out. */
  publicOrigin: string;
  /** The operator's signing key (a JWK as JSON), when configured. */
  signingKey: string | undefined;
  /** Signs approval-notice links. */
  authPepper: string;
  /** Upstream MCP servers may be on loopback/private addresses (development only). */
  mcpUpstreamLoopback: boolean;
}
