import { describe, expect, it } from "vitest";
import { formatCheckpointText, parseCheckpointText } from "../../../core/audit/c2sp-checkpoint";
import { cosignatureVerifier, ed25519Cosigner } from "../../../core/audit/c2sp-cosignature";
import { verifyCheckpointNote } from "../../../core/audit/c2sp-log-keys";
import {
  decodeBase64Strict,
  ed25519NoteSigner,
  ed25519NoteVerifier,
  formatVerifierKey,
  parseNote,
  parseVerifierKey,
  signNote,
  verifyNote,
} from "../../../core/audit/c2sp-note";
import {
  b64decode,
  b64encode,
  refOpenNote,
  refParseVkey,
  refSign,
} from "./c2sp-reference/reference";

// Published vectors: golang.org/x/mod/sumdb/note's tests (PeterNeumann, EnochRoot) and the
// example in c2sp.org/signed-note (example.com/foo).
const PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
const PETER_SKEY_B64 = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
const ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
const TEXT =
  "If you think cryptography is the answer to your problem,\n" +
  "then you don't know what your problem is.\n";
const PETER_SIG =
  "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
const ENOCH_SIG =
  "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";
const FOO_VKEY = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
const FOO_NOTE =
  "This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

const peterSeed = () => b64decode(PETER_SKEY_B64).slice(1);

describe("signed-note against published vectors", () => {
  it("parses the Go vkeys with their key IDs", () => {
    expect(parseVerifierKey(PETER_VKEY)).toMatchObject({
      name: "PeterNeumann",
      keyId: 0xc74f20a3,
      type: 1,
    });
    expect(parseVerifierKey(ENOCH_VKEY).keyId).toBe(0xaf0cfe78);
    expect(parseVerifierKey(FOO_VKEY).keyId).toBe(0x530d903a);
  });

  it("rejects mangled vkeys (wrong hash, wrong length, unknown algorithm, extra parts)", () => {
    for (const bad of [
      "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
      "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==",
      "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
      "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
      PETER_VKEY + "+x",
      PETER_VKEY.slice(0, -1),
    ])
      expect(() => parseVerifierKey(bad), bad).toThrow();
  });

  it("signs the Go test text to exactly the published signature (Ed25519 is deterministic)", async () => {
    const signer = await ed25519NoteSigner("PeterNeumann", peterSeed());
    expect(signer.vkey).toBe(PETER_VKEY);
    expect(await signNote(TEXT, signer)).toBe(`${TEXT}\n${PETER_SIG}`);
  });

  it("verifies known signatures, ignores unknown ones, rejects a bad known one", async () => {
    const peter = ed25519NoteVerifier(PETER_VKEY);
    const enoch = ed25519NoteVerifier(ENOCH_VKEY);
    const both = await verifyNote(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`, [peter]);
    expect(both.ok && both.verified.map((v) => v.key.name)).toEqual(["PeterNeumann"]);
    const two = await verifyNote(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`, [peter, enoch]);
    expect(two.ok && two.verified.length).toBe(2);
    expect(await verifyNote(`${TEXT}\n${PETER_SIG}`, [])).toEqual({
      ok: false,
      reason: "note has no verifiable signatures",
    });
    const corrupted = PETER_SIG.slice(0, 60) + "ABCD" + PETER_SIG.slice(60);
    expect(await verifyNote(`${TEXT}\n${corrupted}`, [peter])).toEqual({
      ok: false,
      reason: "invalid signature for key PeterNeumann+c74f20a3",
    });
    const foo = await verifyNote(FOO_NOTE, [ed25519NoteVerifier(FOO_VKEY)]);
    expect(foo.ok).toBe(true);
  });

  it("rejects the Go suite's malformed notes", () => {
    for (const bad of [
      TEXT,
      TEXT + "\n",
      TEXT + "\n" + PETER_SIG.slice(0, -1),
      "\x01" + TEXT + "\n" + PETER_SIG,
      TEXT +
        "\n— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
      TEXT + "\n" + PETER_SIG + "Unexpected line.\n",
      TEXT + "\n" + PETER_SIG.repeat(101),
    ])
      expect(() => parseNote(bad), JSON.stringify(bad)).toThrow("malformed note");
  });

  it("accepts only canonical base64", () => {
    expect(decodeBase64Strict("AAA=")).toEqual(new Uint8Array([0, 0]));
    expect(decodeBase64Strict("AAB=")).toBeNull();
    expect(decodeBase64Strict("AA")).toBeNull();
    expect(decodeBase64Strict("AA A")).toBeNull();
  });
});

describe("interoperability with the independent reference (tests/core/audit/c2sp-reference)", () => {
  it("the reference verifies the product's notes and the product verifies the reference's", async () => {
    const seed = crypto.getRandomValues(new Uint8Array(32));
    const signer = await ed25519NoteSigner("log.example/audit/acme", seed);
    const text = "log.example/audit/acme\n7\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
    const note = await signNote(text, signer);
    expect(await refOpenNote(note, [await refParseVkey(signer.vkey)])).toEqual([
      "log.example/audit/acme",
    ]);
    const [line, refVkey] = await refSign("log.example/audit/acme", seed, text);
    expect(refVkey).toBe(signer.vkey);
    expect(`${text}\n${line}`).toBe(note);
    const other = await refSign("other.example", crypto.getRandomValues(new Uint8Array(32)), text);
    const check = await verifyNote(`${text}\n${other[0]}`, [ed25519NoteVerifier(other[1])]);
    expect(check.ok).toBe(true);
  });

  it("cosignatures: the reference checks the product's, with the timestamp bound", async () => {
    const cosigner = await ed25519Cosigner(
      "witness.example/w1",
      crypto.getRandomValues(new Uint8Array(32)),
    );
    const text = "log.example/audit/acme\n3\n" + b64encode(new Uint8Array(32).fill(7)) + "\n";
    const line = await cosigner.cosign(text, 1_700_000_000);
    const note = `${text}\n${line}`;
    expect(await refOpenNote(note, [await refParseVkey(cosigner.vkey)])).toEqual([
      "witness.example/w1",
    ]);
    const checked = await verifyNote(note, [cosignatureVerifier(cosigner.vkey)]);
    expect(checked.ok && checked.verified[0]!.timestamp).toBe(1_700_000_000);
    // Moving the timestamp breaks the signature: bytes 4..11 of the signature are the time.
    const raw = b64decode(line.split(" ")[2]!.trim());
    raw[11] = raw[11]! ^ 1;
    const moved = `${text}\n— witness.example/w1 ${b64encode(raw)}\n`;
    expect((await verifyNote(moved, [cosignatureVerifier(cosigner.vkey)])).ok).toBe(false);
    // A cosignature is not a log signature: the same key as type 0x01 has another key ID.
    const asLogKey = formatVerifierKey(
      "witness.example/w1",
      1,
      parseVerifierKey(cosigner.vkey).publicKey,
    );
    expect((await verifyNote(note, [ed25519NoteVerifier(asLogKey)])).ok).toBe(false);
  });
});

describe("tlog-checkpoint", () => {
  it("parses the spec's example text and round-trips", () => {
    const text =
      "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    const cp = parseCheckpointText(text);
    expect(cp.origin).toBe("example.com/behind-the-sofa");
    expect(cp.size).toBe(20852163);
    expect(b64encode(cp.rootHash)).toBe("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=");
    expect(formatCheckpointText(cp)).toBe(text);
    expect(formatCheckpointText({ ...cp, extensions: ["ext one"] })).toBe(`${text}ext one\n`);
  });

  it("rejects leading zeroes, short roots and missing lines", () => {
    for (const bad of [
      "o\n012\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n",
      "o\n12\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2=\n",
      "o\n12\n",
      "o\n12\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n",
    ])
      expect(() => parseCheckpointText(bad)).toThrow();
  });
});

describe("log key windows", () => {
  it("a retired key verifies only checkpoints inside its window", async () => {
    const old = await ed25519NoteSigner("h/audit/t", crypto.getRandomValues(new Uint8Array(32)));
    const cur = await ed25519NoteSigner("h/audit/t", crypto.getRandomValues(new Uint8Array(32)));
    const keys = [
      { vkey: old.vkey, from_size: 0, to_size: 10 },
      { vkey: cur.vkey, from_size: 10, to_size: null },
    ];
    const root = b64encode(new Uint8Array(32));
    const at = (n: number) => `h/audit/t\n${n}\n${root}\n`;
    expect((await verifyCheckpointNote(await signNote(at(10), old), { logKeys: keys })).ok).toBe(
      true,
    );
    expect(
      await verifyCheckpointNote(await signNote(at(11), old), { logKeys: keys }),
    ).toMatchObject({
      ok: false,
      code: "log-signature",
    });
    expect((await verifyCheckpointNote(await signNote(at(11), cur), { logKeys: keys })).ok).toBe(
      true,
    );
    expect((await verifyCheckpointNote(await signNote(at(9), cur), { logKeys: keys })).ok).toBe(
      false,
    );
  });
});
