import { iso, isoOrNull } from "../../core/time";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { fromBase64Url, toBase64Url, utf8 } from "../../core/encoding";
import { describeUserAgent } from "../../core/user-agent";
import type { Config } from "../../platform/config";
import { ApiError } from "../../platform/http/errors";
import type { UserRow } from "../account/accounts";
import { assertUnderLimit, countHit, UNDER_LIMIT_SQL, type RateLimit } from "../../platform/rate-limit";
import { signInStatements, type PendingSignIn, type RequestInfo } from "../login-sessions/sign-in";
import {
  challengeOf,
  consumeChallenge,
  consumeChallengeStatement,
  invalidChallenge,
  storeChallenge,
  type ChallengePurpose,
} from "./webauthn-challenges";

export interface PasskeyRow {
  id: string;
  user_id: string;
  name: string;
  public_key: string;
  counter: number;
  transports: string;
  device_type: "singleDevice" | "multiDevice";
  backed_up: number;
  aaguid: string;
  created_at: number;
  last_used_at: number | null;
}

const COLUMNS =
  "id, user_id, name, public_key, counter, transports, device_type, backed_up, aaguid, created_at, last_used_at";

export const passkeyJson = (p: PasskeyRow) => ({
  id: p.id,
  name: p.name,
  created_at: iso(p.created_at),
  last_used_at: isoOrNull(p.last_used_at),
  device_type: p.device_type,
  backed_up: p.backed_up === 1,
  transports: JSON.parse(p.transports) as string[],
  aaguid: p.aaguid,
});

export async function listPasskeys(db: D1Database, userId: string): Promise<PasskeyRow[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM passkeys WHERE user_id = ?1 ORDER BY created_at`)
    .bind(userId)
    .all<PasskeyRow>();
  return results;
}

const rejected = (message = "The passkey could not be verified.") =>
  new ApiError(400, "passkey_rejected", message);

/** Verification errors from the library are expected failures (bad origin, RP ID, signature…). */
function asRejection(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return rejected(
    e instanceof Error ? `The passkey could not be verified: ${e.message}` : undefined,
  );
}

export async function registrationOptions(
  config: Config,
  db: D1Database,
  user: { id: string; email: string },
  sessionId: string,
  now: number,
) {
  const existing = await listPasskeys(db, user.id);
  const options = await generateRegistrationOptions({
    rpName: config.rpName,
    rpID: config.rpId,
    userName: user.email,
    userID: utf8.encode(user.id),
    attestationType: "none",
    excludeCredentials: existing.map((p) => ({
      id: p.id,
      transports: JSON.parse(p.transports) as AuthenticatorTransportFuture[],
    })),
    authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
    supportedAlgorithmIDs: [-7, -257],
    timeout: 5 * 60 * 1000,
  });
  await storeChallenge(db, {
    challenge: options.challenge,
    purpose: "register",
    userId: user.id,
    sessionId,
    now,
  });
  return options;
}

export async function registerPasskey(
  config: Config,
  db: D1Database,
  args: {
    userId: string;
    sessionId: string;
    response: RegistrationResponseJSON;
    name: string | undefined;
    userAgent: string | null;
    now: number;
    /** Written in the same batch as the passkey (the security-log entry and its email). */
    records: (row: PasskeyRow) => D1PreparedStatement[];
  },
): Promise<PasskeyRow> {
  const { response, now } = args;
  const challenge = challengeOf(response.response.clientDataJSON);
  await consumeChallenge(db, {
    challenge,
    purpose: "register",
    userId: args.userId,
    sessionId: args.sessionId,
    now,
  });
  const result = await verifyRegistrationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: [...config.origins],
    expectedRPID: config.rpId,
    requireUserVerification: false,
    supportedAlgorithmIDs: [-7, -257],
  }).catch((e: unknown) => {
    throw asRejection(e);
  });
  if (!result.verified) throw rejected();
  const info = result.registrationInfo;
  const row: PasskeyRow = {
    id: info.credential.id,
    user_id: args.userId,
    name: args.name ?? `Passkey on ${describeUserAgent(args.userAgent).device}`,
    public_key: toBase64Url(info.credential.publicKey),
    counter: info.credential.counter,
    transports: JSON.stringify(info.credential.transports ?? response.response.transports ?? []),
    device_type: info.credentialDeviceType,
    backed_up: info.credentialBackedUp ? 1 : 0,
    aaguid: info.aaguid,
    created_at: now,
    last_used_at: null,
  };
  try {
    await db.batch([
      db
        .prepare(
          `INSERT INTO passkeys (${COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)`,
        )
        .bind(...Object.values(row)),
      ...args.records(row),
    ]);
  } catch (e) {
    if (e instanceof Error && /UNIQUE|PRIMARY KEY/i.test(e.message)) {
      throw new ApiError(409, "passkey_exists", "This passkey is already registered.");
    }
    throw e;
  }
  return row;
}

export async function authenticationOptions(
  config: Config,
  db: D1Database,
  args: {
    purpose: Extract<ChallengePurpose, "authenticate" | "step_up">;
    userId?: string;
    sessionId?: string;
    /** Step-up: the passkeys that may confirm this session. */
    allow?: PasskeyRow[];
    now: number;
  },
) {
  // Sign-in is usernameless (discoverable credentials, empty allowCredentials); step-up
  // names the person's own passkeys that may confirm the session.
  const { allow = [], ...challenge } = args;
  const options = await generateAuthenticationOptions({
    rpID: config.rpId,
    userVerification: "required",
    allowCredentials: allow.map((p) => ({
      id: p.id,
      transports: JSON.parse(p.transports) as AuthenticatorTransportFuture[],
    })),
    timeout: 5 * 60 * 1000,
  });
  await storeChallenge(db, { challenge: options.challenge, ...challenge });
  return options;
}

export interface VerifiedAssertion {
  passkey: PasskeyRow;
  user: UserRow;
  newCounter: number;
  /** Records the new counter and use time; batch it with the sign-in. */
  update: D1PreparedStatement;
}

type PasskeyWithUser = PasskeyRow & { email: string; user_created_at: number };

const passkeyLookup = (db: D1Database, credentialId: string) =>
  db
    .prepare(
      `SELECT ${COLUMNS.split(", ")
        .map((c) => `p.${c}`)
        .join(", ")}, u.email, u.created_at AS user_created_at
         FROM passkeys p JOIN users u ON u.id = p.user_id WHERE p.id = ?1`,
    )
    .bind(credentialId);

const unknownPasskey = () =>
  new ApiError(
    400,
    "unknown_passkey",
    "This passkey is not registered here. Sign in with an email code.",
  );

/** The account the authenticator says the credential belongs to (its user handle), if it says. */
function userHandleOf(response: AuthenticationResponseJSON): string | null {
  const handle = response.response.userHandle;
  return handle ? utf8.decode(fromBase64Url(handle)) : null;
}

const counterRegression = () =>
  new ApiError(
    400,
    "passkey_counter_regression",
    "This passkey reported a signature counter lower than before, which can mean it was cloned. It was refused.",
  );

/** The security event a refused, possibly cloned authenticator leaves behind. */
const counterRegressionEvent = (
  db: D1Database,
  passkey: PasskeyRow,
  ip: string | null,
  now: number,
) =>
  db
    .prepare(
      `INSERT INTO security_events (id, user_id, kind, detail, ip, created_at)
       VALUES (?1, ?2, 'passkey_counter_regression', ?3, ?4, ?5)`,
    )
    .bind(
      crypto.randomUUID(),
      passkey.user_id,
      JSON.stringify({ passkey_id: passkey.id, stored_counter: passkey.counter }),
      ip,
      now,
    );

/**
 * Checks the assertion's signature, origin, RP ID and user verification against the stored
 * passkey (pure computation, no I/O). Returns the new signature counter, or the refusal — a
 * counter regression (a cloned authenticator) apart, so the caller can write it down.
 */
async function checkAssertion(
  config: Config,
  response: AuthenticationResponseJSON,
  challenge: string,
  passkey: PasskeyRow,
): Promise<{ ok: true; newCounter: number } | { ok: false; error: ApiError; regressed: boolean }> {
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: [...config.origins],
      expectedRPID: config.rpId,
      requireUserVerification: true,
      credential: {
        id: passkey.id,
        publicKey: fromBase64Url(passkey.public_key),
        counter: passkey.counter,
        transports: JSON.parse(passkey.transports) as AuthenticatorTransportFuture[],
      },
    });
    if (!result.verified) return { ok: false, error: rejected(), regressed: false };
    return { ok: true, newCounter: result.authenticationInfo.newCounter };
  } catch (e) {
    if (e instanceof Error && /counter value/i.test(e.message)) {
      return { ok: false, error: counterRegression(), regressed: true };
    }
    return { ok: false, error: asRejection(e), regressed: false };
  }
}

/** Never lowers a stored counter, so two sign-ins finishing out of order keep the higher one. */
const counterUpdate = (db: D1Database, passkeyId: string, newCounter: number, now: number) =>
  db
    .prepare("UPDATE passkeys SET counter = MAX(counter, ?2), last_used_at = ?3 WHERE id = ?1")
    .bind(passkeyId, newCounter, now);

/**
 * Verifies an assertion against a stored passkey (step-up). The rate limit, the single use of
 * the challenge and the credential look-up share one D1 round trip. Counter regression (a cloned
 * authenticator) is refused and written down as a security event.
 */
export async function verifyAssertion(
  config: Config,
  db: D1Database,
  args: {
    response: AuthenticationResponseJSON;
    purpose: "authenticate" | "step_up";
    rateLimit: RateLimit;
    userId?: string;
    sessionId?: string;
    ip: string | null;
    now: number;
  },
): Promise<VerifiedAssertion> {
  const { response, now, rateLimit } = args;
  const challenge = challengeOf(response.response.clientDataJSON);
  const [hit, consumed, found] = await db.batch([
    countHit(db, rateLimit, now),
    consumeChallengeStatement(
      db,
      {
        challenge,
        purpose: args.purpose,
        now,
        ...(args.userId ? { userId: args.userId } : {}),
        ...(args.sessionId ? { sessionId: args.sessionId } : {}),
      },
      rateLimit,
    ),
    passkeyLookup(db, response.id),
  ]);
  assertUnderLimit((hit!.results[0] as { count: number } | undefined)?.count, rateLimit, now);
  if (consumed!.results.length === 0) throw invalidChallenge();
  const row = found!.results[0] as PasskeyWithUser | undefined;
  if (!row || (args.userId && row.user_id !== args.userId)) throw unknownPasskey();
  const { email, user_created_at, ...passkey } = row;
  const handle = userHandleOf(response);
  if (handle !== null && handle !== passkey.user_id) {
    throw rejected("The passkey belongs to another account.");
  }
  const checked = await checkAssertion(config, response, challenge, passkey);
  if (!checked.ok) {
    if (checked.regressed) await counterRegressionEvent(db, passkey, args.ip, now).run();
    throw checked.error;
  }
  return {
    passkey,
    user: { id: passkey.user_id, email, created_at: user_created_at },
    newCounter: checked.newCounter,
    update: counterUpdate(db, passkey.id, checked.newCounter, now),
  };
}

/**
 * How long a passkey sign-in's notification waits for the sign-in to be confirmed before the
 * cron may send it anyway (the confirmation is lost only if the Worker dies mid-request).
 */
export const PASSKEY_MAIL_GRACE_MS = 2 * 60 * 1000;

export interface PasskeySignIn {
  user: UserRow;
  pending: PendingSignIn;
  /** Run after the answer: the new counter, and the notification released for sending. */
  confirm: D1PreparedStatement[];
}

/**
 * Signs in with a passkey in one D1 round trip. The signature can only be checked once the
 * stored public key is read, so the batch that reads it (with the rate limit and the challenge's
 * single use) also writes the session, its login event and its mail job — conditionally on the
 * challenge having been consumed by this very request (it is stamped with the new session's id)
 * and on the credential existing (and matching the user handle). The session's token is handed
 * out only after the signature verified; a refused assertion deletes those rows again (the
 * error path's one extra round trip). The rows are useless in between: nobody holds the token,
 * and the notification is not due until it is confirmed (PASSKEY_MAIL_GRACE_MS). The counter is
 * written after the answer, never before verification (an unverified counter would let anyone
 * with a credential id make the real authenticator look cloned).
 */
export async function signInWithPasskey(
  config: Config,
  db: D1Database,
  args: {
    response: AuthenticationResponseJSON;
    rateLimit: RateLimit;
    info: RequestInfo;
    now: number;
    /** The browser's device cookie, if it sent one. */
    deviceToken?: string | undefined;
  },
): Promise<PasskeySignIn> {
  const { response, now, rateLimit, info } = args;
  const challenge = challengeOf(response.response.clientDataJSON);
  const handle = userHandleOf(response);
  const pending = await signInStatements(db, {
    method: "passkey",
    authenticatedBy: `passkey:${response.id}`,
    lifetimeMs: config.sessionLifetimeMs,
    info,
    now,
    mailNotBefore: now + PASSKEY_MAIL_GRACE_MS,
    deviceToken: args.deviceToken,
    grant: {
      sql: `SELECT p.user_id AS user_id, NULL AS otp_challenge_id
              FROM passkeys p JOIN webauthn_challenges w
                ON w.challenge = ?9 AND w.purpose = 'authenticate' AND w.session_id = ?1
             WHERE p.id = ?10 AND (?11 IS NULL OR p.user_id = ?11)`,
      params: [challenge, response.id, handle],
    },
  });
  const [hit, consumed, found] = await db.batch([
    countHit(db, rateLimit, now),
    db
      .prepare(
        `UPDATE webauthn_challenges SET consumed_at = ?2, session_id = ?3
          WHERE challenge = ?1 AND purpose = 'authenticate' AND consumed_at IS NULL
            AND expires_at > ?2 AND ${UNDER_LIMIT_SQL("?4", "?5")}
          RETURNING challenge`,
      )
      .bind(challenge, now, pending.sessionId, rateLimit.key, rateLimit.limit),
    passkeyLookup(db, response.id),
    ...pending.statements,
  ]);
  const undo = [
    db.prepare("DELETE FROM mail_jobs WHERE id = ?1").bind(pending.mailJobId),
    db.prepare("DELETE FROM login_events WHERE session_id = ?1").bind(pending.sessionId),
    db.prepare("DELETE FROM sessions WHERE id = ?1").bind(pending.sessionId),
  ];
  assertUnderLimit((hit!.results[0] as { count: number } | undefined)?.count, rateLimit, now);
  if (consumed!.results.length === 0) throw invalidChallenge();
  const row = found!.results[0] as PasskeyWithUser | undefined;
  // Neither writes a session: the grant found no credential (of that user).
  if (!row) throw unknownPasskey();
  const { email, user_created_at, ...passkey } = row;
  if (handle !== null && handle !== passkey.user_id) {
    throw rejected("The passkey belongs to another account.");
  }
  const checked = await checkAssertion(config, response, challenge, passkey);
  if (!checked.ok) {
    const event = checked.regressed ? [counterRegressionEvent(db, passkey, info.ip, now)] : [];
    await db.batch([...event, ...undo]);
    throw checked.error;
  }
  return {
    user: { id: passkey.user_id, email, created_at: user_created_at },
    pending,
    confirm: [
      counterUpdate(db, passkey.id, checked.newCounter, now),
      db
        .prepare("UPDATE mail_jobs SET next_attempt_at = ?2 WHERE id = ?1 AND sent_at IS NULL")
        .bind(pending.mailJobId, now),
    ],
  };
}
