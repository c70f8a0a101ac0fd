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
import type { Config } from "../config";
import { ApiError } from "../http/errors";
import type { UserRow } from "./accounts";
import { assertUnderLimit, countHit, type RateLimit } from "./rate-limit";
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

/**
 * Verifies an assertion against a stored passkey. The rate limit, the single use of the
 * challenge and the credential look-up share one D1 round trip. Counter regression (a cloned
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
    db
      .prepare(
        `SELECT ${COLUMNS.split(", ")
          .map((c) => `p.${c}`)
          .join(", ")}, u.email, u.created_at AS user_created_at
           FROM passkeys p JOIN users u ON u.id = p.user_id WHERE p.id = ?1`,
      )
      .bind(response.id),
  ]);
  assertUnderLimit((hit!.results[0] as { count: number } | undefined)?.count, rateLimit, now);
  if (consumed!.results.length === 0) throw invalidChallenge();
  const row = found!.results[0] as
    (PasskeyRow & { email: string; user_created_at: number }) | undefined;
  if (!row || (args.userId && row.user_id !== args.userId)) {
    throw new ApiError(
      400,
      "unknown_passkey",
      "This passkey is not registered here. Sign in with an email code.",
    );
  }
  const { email, user_created_at, ...passkey } = row;
  if (response.response.userHandle) {
    const handle = utf8.decode(fromBase64Url(response.response.userHandle));
    if (handle !== passkey.user_id) throw rejected("The passkey belongs to another account.");
  }
  let result;
  try {
    result = await verifyAuthenticationResponse({
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
  } catch (e) {
    if (e instanceof Error && /counter value/i.test(e.message)) {
      await db
        .prepare(
          `INSERT INTO security_events (id, user_id, kind, detail, ip, created_at)
           VALUES (?1, ?2, 'passkey_counter_regression', ?3, ?4, ?5)`,
        )
        .bind(
          crypto.randomUUID(),
          passkey.user_id,
          JSON.stringify({ passkey_id: passkey.id, stored_counter: passkey.counter }),
          args.ip,
          now,
        )
        .run();
      throw new ApiError(
        400,
        "passkey_counter_regression",
        "This passkey reported a signature counter lower than before, which can mean it was cloned. It was refused.",
      );
    }
    throw asRejection(e);
  }
  if (!result.verified) throw rejected();
  const newCounter = result.authenticationInfo.newCounter;
  return {
    passkey,
    user: { id: passkey.user_id, email, created_at: user_created_at },
    newCounter,
    update: db
      .prepare("UPDATE passkeys SET counter = ?2, last_used_at = ?3 WHERE id = ?1")
      .bind(passkey.id, newCounter, now),
  };
}
