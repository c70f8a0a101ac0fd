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
import { assertUnderLimit, countHit, type RateLimit } from "../../platform/rate-limit";
import type { BatchItem } from "drizzle-orm/batch";
import { database } from "../../platform/db/client";
import {
  markSessionConfirmed,
  releaseMailJob,
  undoSignInQueries,
} from "../login-sessions/repository";
import { securityEventQueries, type PendingSecurityQueries } from "../account/security-notices";
import {
  consumeChallengeQuery,
  consumeSignInChallenge,
  counterRegressionEvent,
  counterUpdate,
  deletePasskey,
  insertPasskey,
  listPasskeys as listPasskeyRows,
  passkeyGrant,
  passkeyLookup,
  passkeyName,
  renamePasskey,
  type PasskeyRow,
} from "./repository";
import { signInStatements, type PendingSignIn, type RequestInfo } from "../login-sessions/sign-in";
import {
  challengeOf,
  consumeChallenge,
  invalidChallenge,
  storeChallenge,
  type ChallengePurpose,
} from "./webauthn-challenges";

export const passkeyJson = (p: PasskeyRow) => ({
  id: p.id,
  name: p.name,
  created_at: iso(p.createdAt),
  last_used_at: isoOrNull(p.lastUsedAt),
  device_type: p.deviceType,
  backed_up: p.backedUp,
  transports: JSON.parse(p.transports) as string[],
  aaguid: p.aaguid,
});

export async function listPasskeys(d1: D1Database, userId: string): Promise<PasskeyRow[]> {
  return listPasskeyRows(database(d1), userId);
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
  d1: D1Database,
  user: { id: string; email: string },
  sessionId: string,
  now: number,
) {
  const existing = await listPasskeys(d1, user.id);
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
  await storeChallenge(database(d1), {
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
  d1: D1Database,
  args: {
    userId: string;
    sessionId: string;
    response: RegistrationResponseJSON;
    name: string | undefined;
    userAgent: string | null;
    now: number;
    /** Written in the same batch as the passkey (the security-log entry and its email). */
    records: (row: PasskeyRow) => BatchItem<"sqlite">[];
  },
): Promise<PasskeyRow> {
  const { response, now } = args;
  const db = database(d1);
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
    userId: args.userId,
    name: args.name ?? `Passkey on ${describeUserAgent(args.userAgent).device}`,
    publicKey: toBase64Url(info.credential.publicKey),
    counter: info.credential.counter,
    transports: JSON.stringify(info.credential.transports ?? response.response.transports ?? []),
    deviceType: info.credentialDeviceType,
    backedUp: info.credentialBackedUp,
    aaguid: info.aaguid,
    createdAt: now,
    lastUsedAt: null,
  };
  try {
    await db.batch([insertPasskey(db, row), ...args.records(row)]);
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
  d1: D1Database,
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
  await storeChallenge(database(d1), { challenge: options.challenge, ...challenge });
  return options;
}

export interface VerifiedAssertion {
  passkey: PasskeyRow;
  user: UserRow;
  newCounter: number;
  /** Records the new counter and use time. */
  update: () => Promise<unknown>;
}

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
        publicKey: fromBase64Url(passkey.publicKey),
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

/**
 * Verifies an assertion against a stored passkey (step-up). The rate limit, the single use of
 * the challenge and the credential look-up share one D1 round trip. Counter regression (a cloned
 * authenticator) is refused and written down as a security event.
 */
export async function verifyAssertion(
  config: Config,
  d1: D1Database,
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
  const db = database(d1);
  const challenge = challengeOf(response.response.clientDataJSON);
  const [hit, consumed, found] = await db.batch([
    countHit(db, rateLimit, now),
    consumeChallengeQuery(
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
  assertUnderLimit(hit[0]?.count, rateLimit, now);
  if (consumed.length === 0) throw invalidChallenge();
  const row = found[0];
  if (!row || (args.userId && row.passkey.userId !== args.userId)) throw unknownPasskey();
  const { passkey, email, userCreatedAt } = row;
  const handle = userHandleOf(response);
  if (handle !== null && handle !== passkey.userId) {
    throw rejected("The passkey belongs to another account.");
  }
  const checked = await checkAssertion(config, response, challenge, passkey);
  if (!checked.ok) {
    if (checked.regressed) await counterRegressionEvent(db, passkey, args.ip, now);
    throw checked.error;
  }
  return {
    passkey,
    user: { id: passkey.userId, email, createdAt: userCreatedAt },
    newCounter: checked.newCounter,
    update: async () => counterUpdate(db, passkey.id, checked.newCounter, now),
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
  confirm: BatchItem<"sqlite">[];
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
  d1: D1Database,
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
  const db = database(d1);
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
    grant: passkeyGrant(challenge, response.id, handle),
  });
  const [hit, consumed, found] = await db.batch([
    countHit(db, rateLimit, now),
    consumeSignInChallenge(db, challenge, pending.sessionId, now, rateLimit),
    passkeyLookup(db, response.id),
    ...pending.statements,
  ]);
  const undo = undoSignInQueries(db, pending);
  assertUnderLimit(hit[0]?.count, rateLimit, now);
  if (consumed.length === 0) throw invalidChallenge();
  const row = found[0];
  // Neither writes a session: the grant found no credential (of that user).
  if (!row) throw unknownPasskey();
  const { passkey, email, userCreatedAt } = row;
  if (handle !== null && handle !== passkey.userId) {
    throw rejected("The passkey belongs to another account.");
  }
  const checked = await checkAssertion(config, response, challenge, passkey);
  if (!checked.ok) {
    await db.batch(
      checked.regressed ? [counterRegressionEvent(db, passkey, info.ip, now), ...undo] : undo,
    );
    throw checked.error;
  }
  return {
    user: { id: passkey.userId, email, createdAt: userCreatedAt },
    pending,
    confirm: [
      counterUpdate(db, passkey.id, checked.newCounter, now),
      releaseMailJob(db, pending.mailJobId, now),
    ],
  };
}

/** Renames one of the person's passkeys: the renamed passkey, or null if they have no such one. */
export async function renamePasskeyOf(
  d1: D1Database,
  a: { userId: string; id: string; name: string },
): Promise<PasskeyRow | null> {
  if (!(await renamePasskey(database(d1), a.userId, a.id, a.name))) return null;
  return (await listPasskeys(d1, a.userId)).find((k) => k.id === a.id) ?? null;
}

/**
 * Deletes one of the person's passkeys with its security-log entry (and email) in one batch:
 * the notice to send, or null if they have no such passkey.
 */
export async function removePasskey(
  d1: D1Database,
  a: { userId: string; id: string; ip: string | null; now: number },
): Promise<PendingSecurityQueries | null> {
  const db = database(d1);
  const name = await passkeyName(db, a.userId, a.id);
  if (name === undefined) return null;
  const notice = securityEventQueries(db, {
    userId: a.userId,
    kind: "passkey_removed",
    detail: { passkey_id: a.id, name },
    ip: a.ip,
    now: a.now,
    ifChanged: true,
  });
  const [result] = await db.batch([deletePasskey(db, a.userId, a.id), ...notice.queries]);
  return result.meta.changes === 0 ? null : notice;
}

/** A step-up: the session counts as confirmed (by `by`) from now. */
export async function markStepUp(d1: D1Database, sessionId: string, by: string, now: number) {
  await markSessionConfirmed(database(d1), sessionId, by, now);
}
