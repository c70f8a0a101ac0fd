import { describe, expect, it } from "vitest";
import { maskKnownSecrets, SecretMatcher, StreamMasker } from "../../../core/secrets";

const SECRET = "p@ss w0rd>?>?with+chars=ÿ~0123";
const OTHER = "tok_9f8e7d6c5b4a";

// The encodings, computed here with the platform's encoders (not with the code under test).
const bytes = Array.from(new TextEncoder().encode(SECRET));
const b64 = btoa(String.fromCharCode(...bytes)).replace(/=+$/, "");
const hex = bytes.map((b) => b.toString(16).padStart(2, "0")).join("");
const FORMS: Record<string, string> = {
  plain: SECRET,
  base64: b64,
  base64url: b64.replace(/\+/g, "-").replace(/\//g, "_"),
  hex,
  HEX: hex.toUpperCase(),
  url: encodeURIComponent(SECRET),
};

const masked = (form: string) => `***${form.slice(-4)}`;

function stream(pieces: string[], values = [SECRET, OTHER]): string {
  const m = new StreamMasker(new SecretMatcher(values));
  return pieces.map((p) => m.push(p)).join("") + m.end();
}

describe("the streaming masker cannot be split", () => {
  it("has distinct encodings to test", () => {
    expect(new Set(Object.values(FORMS)).size).toBe(6);
  });

  for (const [name, form] of Object.entries(FORMS)) {
    const text = `before ${form} after`;
    const expected = `before ${masked(form)} after`;

    it(`masks the ${name} form at every split position`, () => {
      for (let i = 0; i <= text.length; i++) {
        expect(stream([text.slice(0, i), text.slice(i)])).toBe(expected);
      }
    });

    it(`masks the ${name} form at every pair of split positions (three chunks)`, () => {
      const start = 7;
      const end = start + form.length;
      for (let i = start - 1; i <= end; i++) {
        for (let j = i; j <= end + 1; j++) {
          expect(stream([text.slice(0, i), text.slice(i, j), text.slice(j)])).toBe(expected);
        }
      }
    });

    it(`masks the ${name} form streamed one character at a time`, () => {
      expect(stream([...text])).toBe(expected);
    });
  }

  it("holds back only what could still be a secret, and releases the rest at once", () => {
    const m = new StreamMasker(new SecretMatcher([SECRET]));
    expect(m.push("hello world ")).toBe("hello world ");
    expect(m.push("and p@ss")).toBe("and ");
    expect(m.push(" w0rd>?>?with")).toBe("");
    expect(m.push("out a secret")).toBe("p@ss w0rd>?>?without a secret");
    expect(m.end()).toBe("");
  });

  it("releases a held tail at the end when the secret never completed", () => {
    expect(stream(["cut at p@ss w0r"])).toBe("cut at p@ss w0r");
  });

  it("masks two secrets, adjacent and overlapping chunk edges", () => {
    const text = `${OTHER}${SECRET} and ${OTHER}`;
    for (let i = 0; i <= text.length; i++) {
      expect(stream([text.slice(0, i), text.slice(i)])).toBe(
        `${masked(OTHER)}${masked(SECRET)} and ${masked(OTHER)}`,
      );
    }
  });

  it("passes text through untouched when no secret is known", () => {
    expect(stream(["a", "b", "c"], [])).toBe("abc");
  });

  it("finds base64 of a secret embedded after a prefix (Basic auth)", () => {
    const basic = btoa(String.fromCharCode(...new TextEncoder().encode(`user:${SECRET}`)));
    const out = maskKnownSecrets(`Authorization: Basic ${basic}`, [SECRET]);
    // The characters that encode the secret alone are gone; at most the edges remain.
    expect(out).not.toContain(basic.slice(8, -4));
  });

  it("one-shot and streamed agree", () => {
    const text = `x ${FORMS.base64} y ${SECRET} z ${FORMS.url}`;
    expect(stream([text.slice(0, 9), text.slice(9, 33), text.slice(33)])).toBe(
      `x ${masked(FORMS.base64!)} y ${masked(SECRET)} z ${masked(FORMS.url!)}`,
    );
    expect(maskKnownSecrets(text, [SECRET])).toBe(
      `x ${masked(FORMS.base64!)} y ${masked(SECRET)} z ${masked(FORMS.url!)}`,
    );
  });
});
