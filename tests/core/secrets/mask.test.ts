import { describe, expect, it } from "vitest";
import { maskKnownSecrets, maskValue, redactSecrets } from "../../../core/secrets";
import { fakes } from "./fake-credentials";

describe("maskValue", () => {
  it("keeps only the last four characters", () => {
    expect(maskValue("supersecretvalue1234")).toBe("***1234");
    expect(maskValue("abcde")).toBe("***bcde");
  });
  it("hides short values entirely", () => {
    for (const v of ["", "a", "abc", "abcd"]) expect(maskValue(v)).toBe("***");
  });
  it("counts characters, not UTF-16 units", () => {
    expect(maskValue("🔑🔑🔑🔑")).toBe("***");
    expect(maskValue("x🔑🔑🔑🔑")).toBe("***🔑🔑🔑🔑");
  });
});

describe("maskKnownSecrets", () => {
  it("masks every occurrence of every value", () => {
    const text = "token=hunter2hunter2 again hunter2hunter2; other=correcthorse";
    expect(maskKnownSecrets(text, ["hunter2hunter2", "correcthorse"])).toBe(
      "token=***ter2 again ***ter2; other=***orse",
    );
  });
  it("prefers the longest value when one contains another", () => {
    expect(maskKnownSecrets("x=abcdefgh1234!", ["abcd", "abcdefgh1234"])).toBe("x=***1234!");
    expect(maskKnownSecrets("x=abcdefgh1234!", ["abcdefgh1234", "abcd"])).toBe("x=***1234!");
  });
  it("merges overlapping occurrences so neither value leaks", () => {
    // "secretAAAA" and "AAAAother" overlap on "AAAA".
    const out = maskKnownSecrets("[secretAAAAother]", ["secretAAAA", "AAAAother"]);
    expect(out).toBe("[***ther]");
    expect(maskKnownSecrets("aaaaaaaa", ["aaaaaa"])).toBe("***aaaa");
  });
  it("ignores values shorter than four characters and leaves clean text alone", () => {
    expect(maskKnownSecrets("a1b a1b", ["a1b", ""])).toBe("a1b a1b");
    expect(maskKnownSecrets("nothing here", ["hunter2hunter2"])).toBe("nothing here");
    expect(maskKnownSecrets("pin 1234 ok", ["1234"])).toBe("pin *** ok");
  });
  it("treats values literally, not as patterns", () => {
    expect(maskKnownSecrets("a.b*c+d? and axbyc", ["a.b*c+d?"])).toBe("***c+d? and axbyc");
  });
});

describe("redactSecrets", () => {
  it("masks recognised credentials and nothing else", () => {
    const key = fakes.anthropic();
    const gh = fakes.github("ghp");
    const out = redactSecrets(`use ${key} and ${gh} for the sk-ant docs`);
    expect(out).toBe(`use ***${key.slice(-4)} and ***${gh.slice(-4)} for the sk-ant docs`);
    expect(out).not.toContain(key.slice(0, 20));
  });
  it("masks a private key block", () => {
    const out = redactSecrets(`key:\n${fakes.pem()}\nend`);
    expect(out).toBe("key:\n***----\nend");
  });
  it("returns clean text unchanged", () => {
    expect(redactSecrets("nothing to see")).toBe("nothing to see");
  });
});
