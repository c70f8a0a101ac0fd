/**
 * A software WebAuthn authenticator (plus the browser "client" around it) for tests.
 *
 * It produces real attestation ("none") and assertion objects signed with ES256 keys held in
 * WebCrypto, so tests can drive the real @simplewebauthn/server. Unlike a browser it performs no
 * client-side checks of origin vs RP ID: the knobs below exist precisely so that bad responses
 * reach the server and tests can prove they are rejected there.
 */
import type {
  AuthenticationResponseJSON,
  AuthenticatorTransportFuture,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { cose, isoBase64URL, isoCBOR, isoUint8Array } from "@simplewebauthn/server/helpers";

type CBORValue = Parameters<typeof isoCBOR.encode>[0];
/** Bytes backed by a plain ArrayBuffer, as WebCrypto and @simplewebauthn/server expect. */
type Bytes = Uint8Array<ArrayBuffer>;

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_BE = 0x08;
const FLAG_BS = 0x10;
const FLAG_AT = 0x40;
/** authenticatorData = rpIdHash (32) ‖ flags (1) ‖ signCount (4, big-endian) ‖ … */
const COUNTER_OFFSET = 33;

const ZERO_AAGUID = "00000000-0000-0000-0000-000000000000";
const TRANSPORTS: AuthenticatorTransportFuture[] = ["internal", "hybrid"];

export interface SoftCredential {
  readonly id: Bytes;
  /** base64url of `id`, as it appears in responses and options. */
  readonly idBase64Url: string;
  readonly rpId: string;
  readonly userHandle: Bytes;
  readonly discoverable: boolean;
  readonly keyPair: CryptoKeyPair;
  /** COSE_Key (CBOR) of the public key, byte-identical to what the server stores. */
  readonly cosePublicKey: Bytes;
  /** Backup-eligible / backup-state bits; BS without BE is allowed on purpose (negative tests). */
  readonly backupEligible: boolean;
  readonly backupState: boolean;
  signCount: number;
}

export interface CreateCredentialOptions {
  origin: string;
  /** RP ID hashed into authenticatorData; defaults to `options.rp.id`, then the origin's host. */
  rpId?: string;
  userVerified?: boolean;
  backupEligible?: boolean;
  backupState?: boolean;
  crossOrigin?: boolean;
  /** Put this challenge (base64url) in clientDataJSON instead of the one from the options. */
  overrideChallenge?: string;
  attestationFormat?: "none";
}

export interface GetAssertionOptions {
  origin: string;
  /**
   * RP ID used to find a credential and hashed into authenticatorData; defaults to
   * `options.rpId`, then the origin's host.
   */
  rpId?: string;
  /**
   * Use exactly this credential (base64url id), bypassing the rpId and allowCredentials
   * filters: lets a test sign for one RP ID with a credential registered under another.
   */
  credentialId?: string;
  userVerified?: boolean;
  /** Report this counter instead of incrementing the stored one (the stored one is unchanged). */
  signCountOverride?: number;
  overrideChallenge?: string;
  /** clientDataJSON `type`; defaults to "webauthn.get". */
  type?: string;
  crossOrigin?: boolean;
  /** Flip one bit after signing, so the signature no longer matches. */
  tamper?: "signature" | "authenticatorData";
}

export class SoftAuthenticator {
  readonly aaguid: string;
  private readonly aaguidBytes: Bytes;
  private readonly store: SoftCredential[] = [];

  constructor(options: { aaguid?: string } = {}) {
    this.aaguid = (options.aaguid ?? ZERO_AAGUID).toLowerCase();
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(this.aaguid)) {
      throw new TypeError("aaguid must be a UUID string");
    }
    this.aaguidBytes = isoUint8Array.fromHex(this.aaguid.replace(/-/g, ""));
  }

  get credentials(): readonly SoftCredential[] {
    return this.store;
  }

  credential(idBase64Url: string): SoftCredential {
    const found = this.store.find((c) => c.idBase64Url === idBase64Url);
    if (!found) throw new DOMException("unknown credential", "NotAllowedError");
    return found;
  }

  /** Emulates navigator.credentials.create() followed by PublicKeyCredential.toJSON(). */
  async createCredential(
    options: PublicKeyCredentialCreationOptionsJSON,
    opts: CreateCredentialOptions,
  ): Promise<RegistrationResponseJSON> {
    const rpId = opts.rpId ?? options.rp.id ?? new URL(opts.origin).hostname;
    if (!options.pubKeyCredParams.some((p) => p.type === "public-key" && p.alg === -7)) {
      throw new DOMException("only ES256 (-7) is supported", "NotSupportedError");
    }
    const excluded = new Set((options.excludeCredentials ?? []).map((d) => d.id));
    if (this.store.some((c) => c.rpId === rpId && excluded.has(c.idBase64Url))) {
      throw new DOMException("credential already registered", "InvalidStateError");
    }

    const keyPair = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, [
      "sign",
      "verify",
    ])) as CryptoKeyPair;
    const rawPublic = new Uint8Array(
      (await crypto.subtle.exportKey("raw", keyPair.publicKey)) as ArrayBuffer,
    );
    const spki = new Uint8Array(
      (await crypto.subtle.exportKey("spki", keyPair.publicKey)) as ArrayBuffer,
    );
    const id = crypto.getRandomValues(new Uint8Array(32));
    const selection = options.authenticatorSelection;
    const credential: SoftCredential = {
      id,
      idBase64Url: isoBase64URL.fromBuffer(id),
      rpId,
      userHandle: isoBase64URL.toBuffer(options.user.id),
      discoverable:
        selection?.residentKey !== "discouraged" || selection.requireResidentKey === true,
      keyPair,
      cosePublicKey: coseEc2PublicKey(rawPublic),
      backupEligible: opts.backupEligible ?? false,
      backupState: opts.backupState ?? false,
      signCount: 0,
    };

    const clientDataJSON = clientData(
      "webauthn.create",
      opts.overrideChallenge ?? options.challenge,
      opts.origin,
      opts.crossOrigin,
    );
    const flags = FLAG_UP | FLAG_AT | (opts.userVerified === false ? 0 : FLAG_UV);
    const attestedCredentialData = isoUint8Array.concat([
      this.aaguidBytes,
      uint16(id.length),
      id,
      credential.cosePublicKey,
    ]);
    const authData = await authenticatorData(
      rpId,
      flags | backupFlags(credential),
      credential.signCount,
      attestedCredentialData,
    );
    const attestationObject = isoCBOR.encode(
      new Map<string, CBORValue>([
        ["fmt", opts.attestationFormat ?? "none"],
        ["attStmt", new Map()],
        ["authData", authData],
      ]),
    );
    this.store.push(credential);

    return {
      id: credential.idBase64Url,
      rawId: credential.idBase64Url,
      type: "public-key",
      response: {
        clientDataJSON: isoBase64URL.fromBuffer(clientDataJSON),
        attestationObject: isoBase64URL.fromBuffer(attestationObject),
        authenticatorData: isoBase64URL.fromBuffer(authData),
        transports: [...TRANSPORTS],
        publicKeyAlgorithm: -7,
        publicKey: isoBase64URL.fromBuffer(spki),
      },
      clientExtensionResults: options.extensions?.credProps
        ? { credProps: { rk: credential.discoverable } }
        : {},
      authenticatorAttachment: "platform",
    };
  }

  /** Emulates navigator.credentials.get() followed by PublicKeyCredential.toJSON(). */
  async getAssertion(
    options: PublicKeyCredentialRequestOptionsJSON,
    opts: GetAssertionOptions,
  ): Promise<AuthenticationResponseJSON> {
    const rpId = opts.rpId ?? options.rpId ?? new URL(opts.origin).hostname;
    const credential =
      opts.credentialId !== undefined
        ? this.credential(opts.credentialId)
        : this.select(rpId, options.allowCredentials ?? []);

    let counter: number;
    if (opts.signCountOverride === undefined) counter = ++credential.signCount;
    else counter = opts.signCountOverride;

    const clientDataJSON = clientData(
      opts.type ?? "webauthn.get",
      opts.overrideChallenge ?? options.challenge,
      opts.origin,
      opts.crossOrigin,
    );
    const flags = FLAG_UP | (opts.userVerified === false ? 0 : FLAG_UV) | backupFlags(credential);
    const authData = await authenticatorData(rpId, flags, counter);
    const signedData = isoUint8Array.concat([authData, await sha256(clientDataJSON)]);
    const p1363 = new Uint8Array(
      await crypto.subtle.sign(
        { name: "ECDSA", hash: "SHA-256" },
        credential.keyPair.privateKey,
        signedData,
      ),
    );
    const signature = ecdsaP1363ToDer(p1363);
    // The last byte of a DER ECDSA signature is the low byte of `s` (still valid DER). In authData
    // the counter's top bit is flipped, so the counter still rises and only the signature fails.
    if (opts.tamper === "signature") flipBit(signature, signature.length - 1, 0x01);
    if (opts.tamper === "authenticatorData") flipBit(authData, COUNTER_OFFSET, 0x80);

    return {
      id: credential.idBase64Url,
      rawId: credential.idBase64Url,
      type: "public-key",
      response: {
        clientDataJSON: isoBase64URL.fromBuffer(clientDataJSON),
        authenticatorData: isoBase64URL.fromBuffer(authData),
        signature: isoBase64URL.fromBuffer(signature),
        userHandle: isoBase64URL.fromBuffer(credential.userHandle),
      },
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
    };
  }

  private select(
    rpId: string,
    allow: NonNullable<PublicKeyCredentialRequestOptionsJSON["allowCredentials"]>,
  ): SoftCredential {
    const allowed = new Set(allow.map((d) => d.id));
    const found = this.store.find((c) =>
      c.rpId !== rpId ? false : allowed.size > 0 ? allowed.has(c.idBase64Url) : c.discoverable,
    );
    if (!found) throw new DOMException(`no credential for RP ID ${rpId}`, "NotAllowedError");
    return found;
  }
}

/**
 * Converts an ECDSA signature from WebCrypto's IEEE P1363 form (r ‖ s, fixed width) to the
 * ASN.1 DER `SEQUENCE { INTEGER r, INTEGER s }` that WebAuthn requires.
 */
export function ecdsaP1363ToDer(signature: Bytes): Bytes {
  if (signature.length === 0 || signature.length % 2 !== 0) {
    throw new TypeError("P1363 signature must be two equal-length halves");
  }
  const half = signature.length / 2;
  const body = isoUint8Array.concat([
    derInteger(signature.subarray(0, half)),
    derInteger(signature.subarray(half)),
  ]);
  return isoUint8Array.concat([Uint8Array.of(0x30), derLength(body.length), body]);
}

/** Unsigned big-endian magnitude → DER INTEGER: minimal length, 0x00 prefix if the top bit is set. */
function derInteger(magnitude: Bytes): Bytes {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
  const trimmed = magnitude.subarray(start);
  const content =
    (trimmed[0]! & 0x80) !== 0 ? isoUint8Array.concat([Uint8Array.of(0), trimmed]) : trimmed;
  return isoUint8Array.concat([Uint8Array.of(0x02), derLength(content.length), content]);
}

function derLength(length: number): Bytes {
  if (length < 0x80) return Uint8Array.of(length);
  if (length <= 0xff) return Uint8Array.of(0x81, length);
  throw new RangeError("DER length too large");
}

function coseEc2PublicKey(rawUncompressed: Bytes): Bytes {
  if (rawUncompressed.length !== 65 || rawUncompressed[0] !== 0x04) {
    throw new TypeError("expected an uncompressed P-256 point");
  }
  return isoCBOR.encode(
    new Map<number, CBORValue>([
      [cose.COSEKEYS.kty, cose.COSEKTY.EC2],
      [cose.COSEKEYS.alg, cose.COSEALG.ES256],
      [cose.COSEKEYS.crv, cose.COSECRV.P256],
      [cose.COSEKEYS.x, rawUncompressed.slice(1, 33)],
      [cose.COSEKEYS.y, rawUncompressed.slice(33, 65)],
    ]),
  );
}

function clientData(type: string, challenge: string, origin: string, crossOrigin = false): Bytes {
  return isoUint8Array.fromUTF8String(JSON.stringify({ type, challenge, origin, crossOrigin }));
}

async function authenticatorData(
  rpId: string,
  flags: number,
  signCount: number,
  attestedCredentialData?: Bytes,
): Promise<Bytes> {
  const counter = new Uint8Array(4);
  new DataView(counter.buffer).setUint32(0, signCount, false);
  return isoUint8Array.concat([
    await sha256(isoUint8Array.fromUTF8String(rpId)),
    Uint8Array.of(flags),
    counter,
    ...(attestedCredentialData ? [attestedCredentialData] : []),
  ]);
}

function backupFlags(credential: SoftCredential): number {
  return (credential.backupEligible ? FLAG_BE : 0) | (credential.backupState ? FLAG_BS : 0);
}

function uint16(value: number): Bytes {
  return Uint8Array.of(value >> 8, value & 0xff);
}

async function sha256(data: Bytes): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", data));
}

function flipBit(bytes: Bytes, index: number, mask: number): void {
  bytes[index] = bytes[index]! ^ mask;
}
