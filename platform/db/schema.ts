import { sql } from "drizzle-orm";
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { ROLES } from "../../core/permissions";

/** Times are integer milliseconds since the epoch (UTC); the API renders them as ISO-8601. */
const ms = (name: string) => integer(name);

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  createdAt: ms("created_at").notNull(),
});

export const tenants = sqliteTable("tenants", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  createdAt: ms("created_at").notNull(),
  /** issue 10: whether API tokens may decide approvals (default: only people signed in). */
  tokensMayApprove: integer("tokens_may_approve", { mode: "boolean" }).notNull().default(false),
});

export const memberships = sqliteTable(
  "memberships",
  {
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId] }), index("memberships_user").on(t.userId)],
);

export const otpChallenges = sqliteTable(
  "otp_challenges",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    codeHmac: text("code_hmac").notNull(),
    createdAt: ms("created_at").notNull(),
    expiresAt: ms("expires_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    consumedAt: ms("consumed_at"),
    voidedAt: ms("voided_at"),
  },
  (t) => [index("otp_challenges_email").on(t.email, t.createdAt)],
);

export const loginSessions = sqliteTable(
  "login_sessions",
  {
    id: text("id").primaryKey(),
    tokenHash: text("token_hash").notNull().unique(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** issue 17: `qr` is a sign-in approved from another signed-in device. */
    authMethod: text("auth_method", { enum: ["email_code", "passkey", "qr"] }).notNull(),
    createdAt: ms("created_at").notNull(),
    lastSeenAt: ms("last_seen_at").notNull(),
    /** Last time the person proved presence (sign-in or step-up); gates sensitive actions. */
    authenticatedAt: ms("authenticated_at").notNull(),
    /** issue 10: what confirmed it last: `email_code` or `passkey:<credential id>`. */
    authenticatedBy: text("authenticated_by"),
    expiresAt: ms("expires_at").notNull(),
    revokedAt: ms("revoked_at"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    /** Unique: a code can open at most one session, even under concurrent verifies. */
    otpChallengeId: text("otp_challenge_id").unique(),
  },
  (t) => [index("login_sessions_user").on(t.userId)],
);

export const loginEvents = sqliteTable(
  "login_events",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    sessionId: text("session_id").notNull(),
    method: text("method", { enum: ["email_code", "passkey", "qr"] }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    device: text("device").notNull(),
    browser: text("browser").notNull(),
    os: text("os").notNull(),
    location: text("location"),
    createdAt: ms("created_at").notNull(),
    /** issue 17: SHA-256 of the browser's device cookie; the first sign-in from it is "new". */
    deviceHash: text("device_hash"),
    newDevice: integer("new_device", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [index("login_events_user").on(t.userId, t.createdAt)],
);

export const mailJobs = sqliteTable(
  "mail_jobs",
  {
    id: text("id").primaryKey(),
    /** issue 17: `account_notice` is mail about an account that no longer exists (its deletion). */
    kind: text("kind", {
      enum: ["login_notification", "security_notice", "account_notice"],
    }).notNull(),
    /** JSON reference to what to render (ids only; the message is rendered at send time). */
    ref: text("ref").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ms("next_attempt_at").notNull(),
    lastError: text("last_error"),
    sentAt: ms("sent_at"),
    providerId: text("provider_id"),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [index("mail_jobs_due").on(t.sentAt, t.nextAttemptAt)],
);

export const devOutbox = sqliteTable("dev_outbox", {
  id: text("id").primaryKey(),
  to: text("to").notNull(),
  subject: text("subject").notNull(),
  text: text("text").notNull(),
  html: text("html").notNull(),
  createdAt: ms("created_at").notNull(),
});

export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: ms("window_start").notNull(),
  count: integer("count").notNull(),
});

export const securityEvents = sqliteTable(
  "security_events",
  {
    id: text("id").primaryKey(),
    userId: text("user_id"),
    kind: text("kind").notNull(),
    detail: text("detail")
      .notNull()
      .default(sql`'{}'`),
    ip: text("ip"),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [index("security_events_user").on(t.userId, t.createdAt)],
);

export const webauthnChallenges = sqliteTable("webauthn_challenges", {
  challenge: text("challenge").primaryKey(),
  purpose: text("purpose", { enum: ["register", "authenticate", "step_up"] }).notNull(),
  userId: text("user_id"),
  sessionId: text("session_id"),
  createdAt: ms("created_at").notNull(),
  expiresAt: ms("expires_at").notNull(),
  consumedAt: ms("consumed_at"),
});

export const passkeys = sqliteTable(
  "passkeys",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    publicKey: text("public_key").notNull(),
    counter: integer("counter").notNull(),
    transports: text("transports").notNull().default("[]"),
    deviceType: text("device_type", { enum: ["singleDevice", "multiDevice"] }).notNull(),
    backedUp: integer("backed_up", { mode: "boolean" }).notNull(),
    aaguid: text("aaguid").notNull(),
    createdAt: ms("created_at").notNull(),
    lastUsedAt: ms("last_used_at"),
  },
  (t) => [index("passkeys_user").on(t.userId)],
);

/** Email invitations to a tenant: the signed link's SHA-256 only; single use, 7 days. */
export const invites = sqliteTable(
  "invites",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: text("invited_by").notNull(),
    createdAt: ms("created_at").notNull(),
    expiresAt: ms("expires_at").notNull(),
    acceptedAt: ms("accepted_at"),
    acceptedBy: text("accepted_by"),
    revokedAt: ms("revoked_at"),
  },
  (t) => [index("invites_tenant").on(t.tenantId, t.createdAt)],
);

/** Per-tenant API tokens (`gth_…`): stored as SHA-256 hex only, shown once at creation. */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** The person who created it; the token stops working when they leave the tenant. */
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: ms("created_at").notNull(),
    expiresAt: ms("expires_at"),
    lastUsedAt: ms("last_used_at"),
    revokedAt: ms("revoked_at"),
    /** Space-separated: `api` (the REST API) and/or `mcp` (the tenant's MCP endpoint). Issue 13. */
    scopes: text("scopes").notNull().default("api"),
  },
  (t) => [index("api_tokens_tenant").on(t.tenantId, t.createdAt)],
);

/**
 * A tenant's data-encryption keys, wrapped by a KEK (DESIGN.md §3). One active version at a time;
 * retired versions still decrypt secrets a DEK rotation has not reached yet. Destroying a DEK
 * (tenant deletion) erases its wrapped material: the row stays as a record of the shredding.
 * No foreign key to tenants on purpose: the tombstones outlive the tenant.
 */
export const tenantKeys = sqliteTable(
  "tenant_keys",
  {
    tenantId: text("tenant_id").notNull(),
    version: integer("version").notNull(),
    state: text("state", { enum: ["active", "retired", "destroyed"] }).notNull(),
    kekId: text("kek_id"),
    wrappedIv: text("wrapped_iv"),
    wrappedDek: text("wrapped_dek"),
    createdAt: ms("created_at").notNull(),
    rewrappedAt: ms("rewrapped_at"),
    destroyedAt: ms("destroyed_at"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.version] }),
    uniqueIndex("tenant_keys_one_active")
      .on(t.tenantId)
      .where(sql`state = 'active'`),
    index("tenant_keys_kek").on(t.kekId),
  ],
);

/**
 * Vault secrets: the current version of each name, AES-256-GCM under DEK `dek_version`. The only
 * derived value stored in clear is `masked` (`***` + last four characters). Deleting a secret
 * erases its ciphertext and keeps a tombstone so versions never repeat.
 */
export const secrets = sqliteTable(
  "secrets",
  {
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    version: integer("version").notNull(),
    dekVersion: integer("dek_version"),
    iv: text("iv"),
    ciphertext: text("ciphertext"),
    masked: text("masked"),
    createdAt: ms("created_at").notNull(),
    updatedAt: ms("updated_at").notNull(),
    /** `user:<id>` or `token:<id>`. */
    updatedBy: text("updated_by").notNull(),
    deletedAt: ms("deleted_at"),
    /**
     * Issue 9: JSON `Destination[]` (core/secrets/destinations.ts), where the value may be sent.
     * Empty means nowhere; secrets stored before destinations existed start empty.
     */
    destinations: text("destinations").notNull().default("[]"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.name] }),
    index("secrets_dek").on(t.tenantId, t.dekVersion),
  ],
);

/** ask_secret: an agent's pending request for a secret the person types into the console. */
export const secretRequests = sqliteTable(
  "secret_requests",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull(),
    /** `run:<id>`, `session:<id>`, `token:<id>` or `user:<id>`. */
    requestedBy: text("requested_by").notNull(),
    /** Issue 9: JSON `Destination` the requester intends the secret for (shown to the person). */
    destination: text("destination"),
    status: text("status", { enum: ["pending", "fulfilled", "cancelled"] }).notNull(),
    createdAt: ms("created_at").notNull(),
    expiresAt: ms("expires_at").notNull(),
    fulfilledAt: ms("fulfilled_at"),
    fulfilledBy: text("fulfilled_by"),
  },
  (t) => [index("secret_requests_tenant").on(t.tenantId, t.status, t.createdAt)],
);

/**
 * Audit outbox (issue 11): every D1 change that concerns a tenant writes one row here in the same
 * batch (capabilities/audit/outbox.ts); the tenant's Durable Object appends the rows to its hash chain
 * in id order, idempotently (it remembers the last id it applied), and marks them drained. The
 * id is AUTOINCREMENT so it never repeats. No foreign key: a `tenant.deleted` row outlives the
 * tenant as the record of the deletion (its Durable Object, and the chain, are wiped).
 */
export const auditOutbox = sqliteTable(
  "audit_outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tenantId: text("tenant_id").notNull(),
    type: text("type").notNull(),
    /** JSON `{kind, id}`. */
    actor: text("actor").notNull(),
    /** JSON object of ids and names; never a secret value. */
    data: text("data").notNull(),
    createdAt: ms("created_at").notNull(),
    drainedAt: ms("drained_at"),
  },
  (t) => [index("audit_outbox_pending").on(t.drainedAt, t.tenantId, t.id)],
);

/**
 * Issue 13: an MCP client a person connected to a tenant through OAuth (the consent page). The
 * OAuth library keeps the tokens (in KV, hashed); this row is what the console lists and what a
 * revocation flips, checked on every MCP request so a revoked grant stops at once.
 */
export const mcpGrants = sqliteTable(
  "mcp_grants",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    clientId: text("client_id").notNull(),
    clientName: text("client_name").notNull(),
    redirectHost: text("redirect_host").notNull(),
    scopes: text("scopes").notNull(),
    createdAt: ms("created_at").notNull(),
    lastUsedAt: ms("last_used_at"),
    revokedAt: ms("revoked_at"),
  },
  (t) => [index("mcp_grants_tenant").on(t.tenantId, t.createdAt)],
);

/**
 * Issue 17: an owner's offer to hand the tenant to another member. It takes effect only when
 * that member accepts (they become owner, the offering owner becomes admin); at most one is
 * pending per tenant, and it lapses after `expires_at`.
 */
export const ownershipTransfers = sqliteTable(
  "ownership_transfers",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    fromUserId: text("from_user_id").notNull(),
    toUserId: text("to_user_id").notNull(),
    createdAt: ms("created_at").notNull(),
    expiresAt: ms("expires_at").notNull(),
    /** Set once: accepted, declined (by the new owner) or cancelled (by an owner). */
    closedAt: ms("closed_at"),
    outcome: text("outcome", { enum: ["accepted", "declined", "cancelled"] }),
  },
  (t) => [index("ownership_transfers_tenant").on(t.tenantId, t.closedAt)],
);

/** issue 14 (i14b): the row `/health` writes (at most every few seconds) to prove D1 takes writes. */
export const healthProbe = sqliteTable("health_probe", {
  id: integer("id").primaryKey(),
  checkedAt: ms("checked_at").notNull(),
});

/**
 * Issue 17: a change of a person's email address. A code goes to the new address (never an
 * `otp_challenges` row, so it can never sign anyone in); once confirmed, the old address gets a
 * notice whose signed link reverts the change and signs out everywhere.
 */
export const emailChanges = sqliteTable(
  "email_changes",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The session that asked for the change (passkeys it added go on a revert). */
    sessionId: text("session_id").notNull(),
    fromEmail: text("from_email").notNull(),
    toEmail: text("to_email").notNull(),
    codeHmac: text("code_hmac").notNull(),
    attempts: integer("attempts").notNull().default(0),
    createdAt: ms("created_at").notNull(),
    expiresAt: ms("expires_at").notNull(),
    confirmedAt: ms("confirmed_at"),
    voidedAt: ms("voided_at"),
    revertedAt: ms("reverted_at"),
  },
  (t) => [index("email_changes_user").on(t.userId, t.createdAt)],
);

/**
 * Issue 17: a cross-device sign-in. The phone holds `secret` (an HttpOnly cookie, stored here as
 * SHA-256) and shows the short code; a signed-in person approves the code elsewhere; only the
 * browser with the secret can then collect the session, once, within two minutes.
 */
export const deviceSignIns = sqliteTable(
  "device_sign_ins",
  {
    id: text("id").primaryKey(),
    codeHash: text("code_hash").notNull().unique(),
    secretHash: text("secret_hash").notNull().unique(),
    status: text("status", { enum: ["pending", "approved", "denied", "completed"] }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    device: text("device").notNull(),
    browser: text("browser").notNull(),
    os: text("os").notNull(),
    location: text("location"),
    createdAt: ms("created_at").notNull(),
    expiresAt: ms("expires_at").notNull(),
    approvedBy: text("approved_by").references(() => users.id, { onDelete: "cascade" }),
    decidedAt: ms("decided_at"),
    sessionId: text("session_id"),
    completedAt: ms("completed_at"),
  },
  (t) => [index("device_sign_ins_expiry").on(t.expiresAt)],
);
