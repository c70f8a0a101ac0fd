import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

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
    role: text("role", { enum: ["owner", "admin", "operator", "viewer", "auditor"] }).notNull(),
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

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    tokenHash: text("token_hash").notNull().unique(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    authMethod: text("auth_method", { enum: ["email_code", "passkey"] }).notNull(),
    createdAt: ms("created_at").notNull(),
    lastSeenAt: ms("last_seen_at").notNull(),
    /** Last time the person proved presence (sign-in or step-up); gates sensitive actions. */
    authenticatedAt: ms("authenticated_at").notNull(),
    expiresAt: ms("expires_at").notNull(),
    revokedAt: ms("revoked_at"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    /** Unique: a code can open at most one session, even under concurrent verifies. */
    otpChallengeId: text("otp_challenge_id").unique(),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

export const loginEvents = sqliteTable(
  "login_events",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    sessionId: text("session_id").notNull(),
    method: text("method", { enum: ["email_code", "passkey"] }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    device: text("device").notNull(),
    browser: text("browser").notNull(),
    os: text("os").notNull(),
    location: text("location"),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [index("login_events_user").on(t.userId, t.createdAt)],
);

export const mailJobs = sqliteTable(
  "mail_jobs",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: ["login_notification"] }).notNull(),
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
