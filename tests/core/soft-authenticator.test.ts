import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  WebAuthnCredential,
} from "@simplewebauthn/server";
import {
  cose,
  decodeClientDataJSON,
  decodeCredentialPublicKey,
  isoBase64URL,
  isoUint8Array,
  parseAuthenticatorData,
  verifySignature,
} from "@simplewebauthn/server/helpers";
import { describe, expect, it } from "vitest";
import { SoftAuthenticator, ecdsaP1363ToDer } from "../helpers/soft-authenticator";

const RP_ID = "localhost";
const ORIGIN = "http://localhost:8787";
const USER_ID = isoUint8Array.fromUTF8String("user-ada-0001");

async function registrationOptions(
  extra: {
    excludeCredentials?: { id: string }[];
    residentKey?: "required" | "discouraged";
  } = {},
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  return generateRegistrationOptions({
    rpName: "Gatehouse",
    rpID: RP_ID,
    userName: "ada@example.com",
    userID: USER_ID,
    authenticatorSelection: {
      residentKey: extra.residentKey ?? "required",
      userVerification: "preferred",
    },
    supportedAlgorithmIDs: [-7, -257],
    excludeCredentials: extra.excludeCredentials ?? [],
  });
}

function verifyRegistration(
  response: Awaited<ReturnType<SoftAuthenticator["createCredential"]>>,
  options: PublicKeyCredentialCreationOptionsJSON,
) {
  return verifyRegistrationResponse({
    response,
    expectedChallenge: options.challenge,
    expectedOrigin: ORIGIN,
    expectedRPID: RP_ID,
    requireUserVerification: true,
  });
}

/** Registers one passkey through the real server and returns what a server would store. */
async function registered(
  auth: SoftAuthenticator,
  opts: { backupEligible?: boolean; backupState?: boolean } = {},
): Promise<WebAuthnCredential> {
  const options = await registrationOptions();
  const result = await verifyRegistration(
    await auth.createCredential(options, { origin: ORIGIN, ...opts }),
    options,
  );
  if (!result.verified) throw new Error("registration did not verify");
  return result.registrationInfo.credential;
}

function authenticationOptions(): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return generateAuthenticationOptions({
    rpID: RP_ID,
    allowCredentials: [],
    userVerification: "preferred",
  });
}

function verifyAuthentication(
  response: AuthenticationResponseJSON,
  options: PublicKeyCredentialRequestOptionsJSON,
  credential: WebAuthnCredential,
  requireUserVerification = true,
) {
  return verifyAuthenticationResponse({
    response,
    expectedChallenge: options.challenge,
    expectedOrigin: ORIGIN,
    expectedRPID: RP_ID,
    credential,
    requireUserVerification,
  });
}

/** Strict DER check of an ECDSA-Sig-Value; returns r and s as fixed-width 32-byte halves. */
function parseStrictDerSignature(der: Uint8Array): Uint8Array {
  expect(der[0]).toBe(0x30);
  expect(der[1]).toBe(der.length - 2);
  const halves: Uint8Array[] = [];
  let i = 2;
  for (let n = 0; n < 2; n++) {
    expect(der[i]).toBe(0x02);
    const len = der[i + 1]!;
    const content = der.subarray(i + 2, i + 2 + len);
    expect(content.length).toBe(len);
    expect(content[0]! & 0x80).toBe(0); // never negative
    if (content.length > 1) expect(content[0] === 0 && (content[1]! & 0x80) === 0).toBe(false);
    const magnitude = content[0] === 0 && content.length > 1 ? content.subarray(1) : content;
    expect(magnitude.length).toBeLessThanOrEqual(32);
    const half = new Uint8Array(32);
    half.set(magnitude, 32 - magnitude.length);
    halves.push(half);
    i += 2 + len;
  }
  expect(i).toBe(der.length);
  return isoUint8Array.concat(halves as Uint8Array<ArrayBuffer>[]);
}

describe("SoftAuthenticator registration", () => {
  it("produces an attestation the real server verifies, with the right credential data", async () => {
    const auth = new SoftAuthenticator();
    const options = await registrationOptions();
    const response = await auth.createCredential(options, { origin: ORIGIN });
    const result = await verifyRegistration(response, options);

    expect(result.verified).toBe(true);
    if (!result.verified) return;
    const info = result.registrationInfo;
    const stored = auth.credentials[0]!;
    expect(auth.credentials).toHaveLength(1);
    expect(info.fmt).toBe("none");
    expect(info.credential.id).toBe(stored.idBase64Url);
    expect(response.id).toBe(stored.idBase64Url);
    expect(isoBase64URL.toBuffer(response.rawId)).toHaveLength(32);
    expect(info.credential.publicKey).toEqual(stored.cosePublicKey);
    expect(info.credential.counter).toBe(0);
    expect(info.credential.transports).toEqual(["internal", "hybrid"]);
    expect(info.aaguid).toBe("00000000-0000-0000-0000-000000000000");
    expect(info.credentialDeviceType).toBe("singleDevice");
    expect(info.credentialBackedUp).toBe(false);
    expect(info.userVerified).toBe(true);
    expect(info.origin).toBe(ORIGIN);
    expect(info.rpID).toBe(RP_ID);

    // The COSE key is an ES256 P-256 EC2 key matching the authenticator's WebCrypto key pair.
    const key = decodeCredentialPublicKey(info.credential.publicKey);
    expect(cose.isCOSEPublicKeyEC2(key)).toBe(true);
    if (!cose.isCOSEPublicKeyEC2(key)) return;
    expect(key.get(cose.COSEKEYS.kty)).toBe(cose.COSEKTY.EC2);
    expect(key.get(cose.COSEKEYS.alg)).toBe(cose.COSEALG.ES256);
    expect(key.get(cose.COSEKEYS.crv)).toBe(cose.COSECRV.P256);
    const raw = new Uint8Array(
      (await crypto.subtle.exportKey("raw", stored.keyPair.publicKey)) as ArrayBuffer,
    );
    expect(key.get(cose.COSEKEYS.x)).toEqual(raw.slice(1, 33));
    expect(key.get(cose.COSEKEYS.y)).toEqual(raw.slice(33, 65));
    const spki = new Uint8Array(
      (await crypto.subtle.exportKey("spki", stored.keyPair.publicKey)) as ArrayBuffer,
    );
    expect(response.response.publicKey).toBe(isoBase64URL.fromBuffer(spki));
    expect(response.response.publicKeyAlgorithm).toBe(-7);

    expect(decodeClientDataJSON(response.response.clientDataJSON)).toEqual({
      type: "webauthn.create",
      challenge: options.challenge,
      origin: ORIGIN,
      crossOrigin: false,
    });
    const authData = parseAuthenticatorData(
      isoBase64URL.toBuffer(response.response.authenticatorData!),
    );
    expect(authData.flags).toMatchObject({ up: true, uv: true, at: true, be: false, bs: false });
    expect(response.clientExtensionResults).toEqual({ credProps: { rk: true } });
    expect(response.authenticatorAttachment).toBe("platform");
    expect(response.type).toBe("public-key");
  });

  it("reports a configured AAGUID and the backup flags as device type / backed-up", async () => {
    const aaguid = "fbfc3007-154e-4ecc-8c0b-6e020557d7bd";
    const auth = new SoftAuthenticator({ aaguid });
    const cases = [
      { backupEligible: true, backupState: true, deviceType: "multiDevice", backedUp: true },
      { backupEligible: true, backupState: false, deviceType: "multiDevice", backedUp: false },
    ] as const;
    for (const c of cases) {
      const options = await registrationOptions();
      const response = await auth.createCredential(options, { origin: ORIGIN, ...c });
      const result = await verifyRegistration(response, options);
      expect(result.verified).toBe(true);
      expect(result.registrationInfo?.aaguid).toBe(aaguid);
      expect(result.registrationInfo?.credentialDeviceType).toBe(c.deviceType);
      expect(result.registrationInfo?.credentialBackedUp).toBe(c.backedUp);
    }
    expect(() => new SoftAuthenticator({ aaguid: "not-a-uuid" })).toThrow(TypeError);
  });

  it("is rejected by the server for wrong origin, RP ID, challenge, missing UV and BS without BE", async () => {
    const auth = new SoftAuthenticator();
    const attempts: [Parameters<SoftAuthenticator["createCredential"]>[1], RegExp][] = [
      [{ origin: "https://evil.example" }, /origin/],
      [{ origin: ORIGIN, rpId: "evil.example" }, /RP ID/],
      [{ origin: ORIGIN, overrideChallenge: isoBase64URL.fromUTF8String("stale") }, /challenge/],
      [{ origin: ORIGIN, userVerified: false }, /User verification/],
      [{ origin: ORIGIN, backupEligible: false, backupState: true }, /backed up/],
    ];
    for (const [opts, error] of attempts) {
      const options = await registrationOptions();
      const response = await auth.createCredential(options, opts);
      await expect(verifyRegistration(response, options)).rejects.toThrow(error);
    }
  });

  it("honours excludeCredentials and requires ES256 in pubKeyCredParams", async () => {
    const auth = new SoftAuthenticator();
    const first = await registered(auth);

    const excluding = await registrationOptions({ excludeCredentials: [{ id: first.id }] });
    await expect(auth.createCredential(excluding, { origin: ORIGIN })).rejects.toMatchObject({
      name: "InvalidStateError",
    });
    expect(auth.credentials).toHaveLength(1);

    const otherId = isoBase64URL.fromBuffer(crypto.getRandomValues(new Uint8Array(32)));
    const unrelated = await registrationOptions({ excludeCredentials: [{ id: otherId }] });
    await auth.createCredential(unrelated, { origin: ORIGIN });
    expect(auth.credentials).toHaveLength(2);

    const rsaOnly: PublicKeyCredentialCreationOptionsJSON = {
      ...(await registrationOptions()),
      pubKeyCredParams: [{ type: "public-key", alg: -257 }],
    };
    await expect(auth.createCredential(rsaOnly, { origin: ORIGIN })).rejects.toMatchObject({
      name: "NotSupportedError",
    });
    expect(auth.credentials).toHaveLength(2);
  });
});

describe("SoftAuthenticator authentication", () => {
  it("produces usernameless assertions the real server verifies, incrementing the counter", async () => {
    const auth = new SoftAuthenticator();
    const credential = await registered(auth, { backupEligible: true, backupState: true });

    for (const expected of [1, 2]) {
      const options = await authenticationOptions();
      expect(options.allowCredentials).toEqual([]);
      const response = await auth.getAssertion(options, { origin: ORIGIN });
      const result = await verifyAuthentication(response, options, credential);
      expect(result.verified).toBe(true);
      expect(result.authenticationInfo).toMatchObject({
        newCounter: expected,
        credentialID: credential.id,
        userVerified: true,
        credentialDeviceType: "multiDevice",
        credentialBackedUp: true,
        origin: ORIGIN,
        rpID: RP_ID,
      });
      expect(response.id).toBe(credential.id);
      expect(response.response.userHandle).toBe(isoBase64URL.fromBuffer(USER_ID));
      expect(decodeClientDataJSON(response.response.clientDataJSON)).toEqual({
        type: "webauthn.get",
        challenge: options.challenge,
        origin: ORIGIN,
        crossOrigin: false,
      });
      credential.counter = result.authenticationInfo.newCounter;
    }
    expect(auth.credentials[0]!.signCount).toBe(2);
  });

  it("is rejected by the server for wrong origin, RP ID, challenge and type", async () => {
    const auth = new SoftAuthenticator();
    const credential = await registered(auth);
    const attempts: [Parameters<SoftAuthenticator["getAssertion"]>[1], RegExp][] = [
      [{ origin: "https://evil.example" }, /origin/],
      [{ origin: ORIGIN, rpId: "evil.example", credentialId: credential.id }, /RP ID/],
      [{ origin: ORIGIN, overrideChallenge: isoBase64URL.fromUTF8String("stale") }, /challenge/],
      [{ origin: ORIGIN, type: "webauthn.create" }, /type/],
    ];
    for (const [opts, error] of attempts) {
      const options = await authenticationOptions();
      const response = await auth.getAssertion(options, opts);
      await expect(verifyAuthentication(response, options, credential)).rejects.toThrow(error);
    }
  });

  it("yields verified: false for a tampered signature or tampered authenticator data", async () => {
    const auth = new SoftAuthenticator();
    const credential = await registered(auth);
    for (const tamper of ["signature", "authenticatorData"] as const) {
      const options = await authenticationOptions();
      const response = await auth.getAssertion(options, { origin: ORIGIN, tamper });
      const result = await verifyAuthentication(response, options, credential);
      expect(result.verified).toBe(false);
    }
    // Control: the same credential still verifies untampered.
    const options = await authenticationOptions();
    const response = await auth.getAssertion(options, { origin: ORIGIN });
    expect((await verifyAuthentication(response, options, credential)).verified).toBe(true);
  });

  it("omits UV when asked: rejected when UV is required, accepted and reported otherwise", async () => {
    const auth = new SoftAuthenticator();
    const credential = await registered(auth);
    const options = await authenticationOptions();
    const response = await auth.getAssertion(options, { origin: ORIGIN, userVerified: false });
    await expect(verifyAuthentication(response, options, credential, true)).rejects.toThrow(
      /User verification required/,
    );
    const lenient = await verifyAuthentication(response, options, credential, false);
    expect(lenient.verified).toBe(true);
    expect(lenient.authenticationInfo.userVerified).toBe(false);
  });

  it("rejects counter regression and replay, and allows an always-zero counter", async () => {
    const auth = new SoftAuthenticator();
    const credential = await registered(auth);

    const firstOptions = await authenticationOptions();
    const first = await auth.getAssertion(firstOptions, { origin: ORIGIN });
    const firstResult = await verifyAuthentication(first, firstOptions, credential);
    credential.counter = firstResult.authenticationInfo.newCounter; // 1
    const second = await authenticationOptions();
    const secondResult = await verifyAuthentication(
      await auth.getAssertion(second, { origin: ORIGIN }),
      second,
      credential,
    );
    credential.counter = secondResult.authenticationInfo.newCounter; // 2
    expect(credential.counter).toBe(2);

    // simplewebauthn throws when the reported counter is <= the stored one (and either is > 0).
    for (const signCountOverride of [1, 2]) {
      const options = await authenticationOptions();
      const response = await auth.getAssertion(options, { origin: ORIGIN, signCountOverride });
      await expect(verifyAuthentication(response, options, credential)).rejects.toThrow(
        `Response counter value ${signCountOverride} was lower than expected 2`,
      );
    }
    expect(auth.credentials[0]!.signCount).toBe(2); // overrides leave the stored count alone

    // Replaying an earlier response: same challenge → counter check; fresh challenge → challenge.
    await expect(verifyAuthentication(first, firstOptions, credential)).rejects.toThrow(
      /counter value 1 was lower than expected 2/,
    );
    await expect(
      verifyAuthentication(first, await authenticationOptions(), credential),
    ).rejects.toThrow(/challenge/);

    // Synced passkeys often always report 0: accepted while the stored counter is also 0.
    const zeroAuth = new SoftAuthenticator();
    const zeroCredential = await registered(zeroAuth);
    for (let i = 0; i < 2; i++) {
      const options = await authenticationOptions();
      const response = await zeroAuth.getAssertion(options, {
        origin: ORIGIN,
        signCountOverride: 0,
      });
      const result = await verifyAuthentication(response, options, zeroCredential);
      expect(result.verified).toBe(true);
      expect(result.authenticationInfo.newCounter).toBe(0);
    }
  });

  it("selects credentials by RP ID, allowCredentials and discoverability", async () => {
    const auth = new SoftAuthenticator();
    const nonDiscoverableOptions = await registrationOptions({ residentKey: "discouraged" });
    const nonDiscoverable = await auth.createCredential(nonDiscoverableOptions, {
      origin: ORIGIN,
    });
    expect(nonDiscoverable.clientExtensionResults).toEqual({ credProps: { rk: false } });
    const options = await authenticationOptions();

    // Usernameless needs a discoverable credential for the RP ID.
    await expect(auth.getAssertion(options, { origin: ORIGIN })).rejects.toMatchObject({
      name: "NotAllowedError",
    });
    const discoverable = await registered(auth);
    const usernameless = await auth.getAssertion(options, { origin: ORIGIN });
    expect(usernameless.id).toBe(discoverable.id);

    const allowed = await auth.getAssertion(
      { ...options, allowCredentials: [{ id: nonDiscoverable.id, type: "public-key" }] },
      { origin: ORIGIN },
    );
    expect(allowed.id).toBe(nonDiscoverable.id);

    await expect(
      auth.getAssertion({ ...options, rpId: "other.example" }, { origin: ORIGIN }),
    ).rejects.toMatchObject({ name: "NotAllowedError" });
    const unknown = isoBase64URL.fromBuffer(crypto.getRandomValues(new Uint8Array(32)));
    await expect(
      auth.getAssertion(options, { origin: ORIGIN, credentialId: unknown }),
    ).rejects.toMatchObject({ name: "NotAllowedError" });
  });
});

describe("ecdsaP1363ToDer", () => {
  const filled = (length: number, first: number[], rest: number) => {
    const out = new Uint8Array(length).fill(rest);
    out.set(first);
    return out;
  };

  it("encodes minimal positive INTEGERs", () => {
    const plainR = filled(32, [0x01], 0x02);
    const plainS = filled(32, [0x7f], 0x03);
    expect(ecdsaP1363ToDer(isoUint8Array.concat([plainR, plainS]))).toEqual(
      isoUint8Array.concat([
        Uint8Array.of(0x30, 0x44, 0x02, 0x20),
        plainR,
        Uint8Array.of(0x02, 0x20),
        plainS,
      ]),
    );

    // High bit set → 0x00 prefix; leading zero bytes → stripped.
    const highR = filled(32, [0x80], 0x11);
    const zeroLedS = filled(32, [0x00, 0x00, 0x05], 0x22);
    expect(ecdsaP1363ToDer(isoUint8Array.concat([highR, zeroLedS]))).toEqual(
      isoUint8Array.concat([
        Uint8Array.of(0x30, 0x43, 0x02, 0x21, 0x00),
        highR,
        Uint8Array.of(0x02, 0x1e),
        zeroLedS.subarray(2),
      ]),
    );

    // Zero is one 0x00 byte; a stripped leading zero followed by a high bit keeps one 0x00.
    const zeroR = new Uint8Array(32);
    const s = filled(32, [0x00, 0x80], 0x33);
    expect(ecdsaP1363ToDer(isoUint8Array.concat([zeroR, s]))).toEqual(
      isoUint8Array.concat([Uint8Array.of(0x30, 0x25, 0x02, 0x01, 0x00, 0x02, 0x20), s]),
    );
  });

  it("uses long-form lengths past 127 bytes and rejects malformed input", () => {
    const half = filled(66, [0xff], 0x44);
    const der = ecdsaP1363ToDer(isoUint8Array.concat([half, half]));
    expect(Array.from(der.subarray(0, 6))).toEqual([0x30, 0x81, 138, 0x02, 67, 0x00]);
    expect(der).toHaveLength(3 + 138);
    expect(() => ecdsaP1363ToDer(new Uint8Array(0))).toThrow(TypeError);
    expect(() => ecdsaP1363ToDer(new Uint8Array(63))).toThrow(TypeError);
  });

  it("turns real WebCrypto signatures into strict DER the server's verifier accepts", async () => {
    const auth = new SoftAuthenticator();
    const credential = await registered(auth);
    const { keyPair } = auth.credentials[0]!;
    const params = { name: "ECDSA", hash: "SHA-256" } as const;
    for (let i = 0; i < 32; i++) {
      const data = crypto.getRandomValues(new Uint8Array(48));
      const p1363 = new Uint8Array(await crypto.subtle.sign(params, keyPair.privateKey, data));
      const der = ecdsaP1363ToDer(p1363);
      expect(parseStrictDerSignature(der)).toEqual(p1363);
      const ok = await verifySignature({
        signature: der,
        data,
        credentialPublicKey: credential.publicKey,
      });
      expect(ok).toBe(true);
    }
  });
});
