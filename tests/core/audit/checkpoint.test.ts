import { CompactSign, importJWK } from "jose";
import { describe, expect, it } from "vitest";
import {
  headJwks,
  headKid,
  HEAD_TYP,
  decodeSignedHead,
  generateHeadKeyPair,
  importHeadSigner,
  parseJwks,
  publicHeadJwk,
  signHead,
  verifySignedHead,
  type AuditHead,
} from "../../../core/audit/checkpoint";
import { fromBase64Url, toBase64Url } from "../../../core/encoding";

/** RFC 8037 appendix A.1 test key (published, not a secret) and its A.3 thumbprint. */
const RFC8037_KEY = {
  kty: "OKP",
  crv: "Ed25519",
  d: "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A",
  x: "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo",
};
const RFC8037_THUMBPRINT = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k";

const HEAD: AuditHead = {
  tenant: "acme",
  size: 42,
  root: "ab".repeat(32),
  ts: "2025-02-01T10:00:00.000Z",
};

describe("signing keys", () => {
  it("computes the kid as the RFC 7638 thumbprint (RFC 8037 A.3 vector, and by hand)", async () => {
    expect(await headKid(RFC8037_KEY)).toBe(RFC8037_THUMBPRINT);
    const members = `{"crv":"Ed25519","kty":"OKP","x":"${RFC8037_KEY.x}"}`;
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(members));
    expect(toBase64Url(new Uint8Array(digest))).toBe(RFC8037_THUMBPRINT);
  });

  it("generates Ed25519 JWKs with kid, alg EdDSA and use sig; the public half has no d", async () => {
    const { privateJwk, publicJwk } = await generateHeadKeyPair();
    expect(publicJwk).toEqual({
      kty: "OKP",
      crv: "Ed25519",
      x: privateJwk.x,
      kid: await headKid(privateJwk),
      alg: "EdDSA",
      use: "sig",
    });
    expect(fromBase64Url(privateJwk.d)).toHaveLength(32);
    expect(publicJwk).not.toHaveProperty("d");
    const other = await generateHeadKeyPair();
    expect(other.publicJwk.kid).not.toBe(publicJwk.kid);
    const jwks = headJwks([privateJwk, other.publicJwk]);
    expect(jwks.keys.map((k) => k.kid)).toEqual([publicJwk.kid, other.publicJwk.kid]);
    expect(JSON.stringify(jwks)).not.toContain(privateJwk.d);
    expect(publicHeadJwk(privateJwk)).toEqual(publicJwk);
  });

  it("imports the SIGNING_KEY secret as JSON text and rejects unusable keys without echoing them", async () => {
    const signer = await importHeadSigner(JSON.stringify(RFC8037_KEY));
    expect(signer.kid).toBe(RFC8037_THUMBPRINT);
    expect(signer.publicJwk).not.toHaveProperty("d");
    const named = await importHeadSigner({ ...RFC8037_KEY, kid: "2025-01" });
    expect(named.kid).toBe("2025-01");

    const other = await generateHeadKeyPair();
    const bad: unknown[] = [
      "not json",
      { ...RFC8037_KEY, crv: "Ed448" },
      { ...RFC8037_KEY, kty: "EC" },
      { ...RFC8037_KEY, d: undefined },
      { ...RFC8037_KEY, d: "short" },
      { ...RFC8037_KEY, kid: "" },
      { ...RFC8037_KEY, x: other.publicJwk.x }, // d does not belong to x
    ];
    for (const key of bad) {
      const error = await importHeadSigner(key).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(error, JSON.stringify(key)).toBeInstanceOf(TypeError);
      expect(error!.message).not.toContain(RFC8037_KEY.d);
    }
  });

  it("parses JWKS documents", () => {
    expect(parseJwks({ keys: [] })).toEqual({ keys: [] });
    expect(() => parseJwks({})).toThrow(TypeError);
    expect(() => parseJwks({ keys: [1] })).toThrow(TypeError);
    expect(() => parseJwks(null)).toThrow(TypeError);
  });
});

describe("signed heads", () => {
  it("signs {tenant,size,root,ts} as a compact EdDSA JWS with kid and typ", async () => {
    const jws = await signHead(HEAD, RFC8037_KEY);
    const [header, payload] = jws.split(".");
    expect(JSON.parse(new TextDecoder().decode(fromBase64Url(header!)))).toEqual({
      alg: "EdDSA",
      kid: RFC8037_THUMBPRINT,
      typ: HEAD_TYP,
    });
    expect(new TextDecoder().decode(fromBase64Url(payload!))).toBe(
      `{"root":"${"ab".repeat(32)}","size":42,"tenant":"acme","ts":"2025-02-01T10:00:00.000Z"}`,
    );
    const jwks = {
      keys: [{ kty: "OKP", crv: "Ed25519", x: RFC8037_KEY.x, kid: RFC8037_THUMBPRINT }],
    };
    expect(await verifySignedHead(jws, jwks)).toEqual({
      ok: true,
      head: HEAD,
      kid: RFC8037_THUMBPRINT,
    });
  });

  it("refuses to sign an invalid head", async () => {
    const signer = await importHeadSigner(RFC8037_KEY);
    for (const bad of [
      { ...HEAD, root: "AB".repeat(32) },
      { ...HEAD, size: -1 },
      { ...HEAD, tenant: "" },
      { ...HEAD, ts: "yesterday" },
    ])
      await expect(signer.sign(bad)).rejects.toThrow(TypeError);
  });

  it("verifies across key rotation and rejects wrong keys, unknown kids and tampering", async () => {
    const old = await generateHeadKeyPair();
    const current = await generateHeadKeyPair();
    const oldJws = await signHead(HEAD, old.privateJwk);
    const newJws = await signHead({ ...HEAD, size: 50 }, current.privateJwk);
    const rotated = headJwks([current.publicJwk, old.publicJwk]);

    expect(await verifySignedHead(oldJws, rotated)).toMatchObject({
      ok: true,
      kid: old.publicJwk.kid,
    });
    expect(await verifySignedHead(newJws, rotated)).toMatchObject({
      ok: true,
      head: { size: 50 },
      kid: current.publicJwk.kid,
    });

    // Old key dropped from the JWKS: its signed heads no longer verify.
    expect(await verifySignedHead(oldJws, headJwks([current.publicJwk]))).toMatchObject({
      ok: false,
      code: "unknown-kid",
    });

    // A different key published under the signer's kid.
    const impostor = { keys: [{ ...current.publicJwk, kid: old.publicJwk.kid }] };
    expect(await verifySignedHead(oldJws, impostor)).toMatchObject({
      ok: false,
      code: "bad-signature",
    });

    // Payload swapped between two validly signed heads.
    const [h, , s] = oldJws.split(".");
    const swapped = `${h}.${newJws.split(".")[1]}.${s}`;
    expect(await verifySignedHead(swapped, rotated)).toMatchObject({
      ok: false,
      code: "bad-signature",
    });

    // One flipped signature character.
    const sig = s!;
    const flipped = `${h}.${oldJws.split(".")[1]}.${sig[0] === "A" ? "B" : "A"}${sig.slice(1)}`;
    expect(await verifySignedHead(flipped, rotated)).toMatchObject({
      ok: false,
      code: "bad-signature",
    });
  });

  it("reports malformed signed heads", async () => {
    const jwks = headJwks([(await generateHeadKeyPair()).publicJwk]);
    const key = await importJWK(RFC8037_KEY, "EdDSA");
    const sign = (payload: unknown, header: Record<string, unknown>) =>
      new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: "EdDSA", ...header })
        .sign(key);
    const cases = [
      "not-a-jws",
      "a.b",
      await sign(HEAD, { typ: HEAD_TYP }), // no kid
      await sign(HEAD, { kid: "k" }), // no typ
      await sign({ ...HEAD, extra: 1 }, { kid: "k", typ: HEAD_TYP }),
      await sign({ ...HEAD, size: "42" }, { kid: "k", typ: HEAD_TYP }),
      await sign([1, 2], { kid: "k", typ: HEAD_TYP }),
    ];
    for (const jws of cases) {
      expect(await verifySignedHead(jws, jwks), jws).toMatchObject({
        ok: false,
        code: "malformed-signed-head",
      });
      expect(decodeSignedHead(jws).ok).toBe(false);
    }
  });
});
