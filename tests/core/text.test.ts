import { describe, expect, it } from "vitest";
import { findIllFormed, HIDDEN_CHARACTERS, isMixedScript, letterScripts } from "../../core/text";
import { credentialMayStepUp, stepUpFresh, STEP_UP_WINDOW_MS } from "../../core/step-up";

describe("text rules", () => {
  it("finds the first lone surrogate in strings, keys and nested JSON", () => {
    expect(findIllFormed({ a: ["ok", "😀"], b: { c: "fine" } })).toBeNull();
    expect(findIllFormed({ a: ["ok", "x\ud800"] })).toEqual(["a", 1]);
    expect(findIllFormed({ a: { "\udc00": 1 } })).toEqual(["a", "\udc00"]);
    expect(findIllFormed("\ud83d")).toEqual([]);
  });

  it("marks names that mix scripts, not names in one script", () => {
    expect(isMixedScript("Acme")).toBe(false);
    expect(isMixedScript("Ацме")).toBe(false);
    expect(isMixedScript("\u0410cme")).toBe(true); // Cyrillic А + Latin
    expect(letterScripts("Αcme 2")).toEqual(["Greek", "Latin"]);
  });

  it("treats bidi overrides, NUL and zero-width characters as hidden", () => {
    for (const ch of ["\u202e", "\u0000", "\u200b", "\u2066", "\u061c"]) {
      expect(HIDDEN_CHARACTERS.test(`a${ch}b`)).toBe(true);
    }
    expect(HIDDEN_CHARACTERS.test("Café – Zürich")).toBe(false);
  });
});

describe("step-up rules", () => {
  it("a confirmation lasts 10 minutes", () => {
    expect(STEP_UP_WINDOW_MS).toBe(600_000);
    expect(stepUpFresh(1_000, 1_000 + 600_000)).toBe(true);
    expect(stepUpFresh(1_000, 1_000 + 600_001)).toBe(false);
  });

  it("only a passkey that existed before the session's confirmation may confirm it", () => {
    expect(credentialMayStepUp(500, 1_000)).toBe(true);
    expect(credentialMayStepUp(1_001, 1_000)).toBe(false);
  });
});
