import { describe, expect, it } from "vitest";
import { maskLast4 } from "../../../core/vault/mask";

describe("maskLast4", () => {
  it.each([
    ["", "***"],
    ["a", "***"],
    ["abcd", "***"],
    ["abcde", "***bcde"],
    ["sk-live-1234567890", "***7890"],
    ["😀😀😀😀", "***"], // four code points, eight UTF-16 units
    ["key😀😀😀😀", "***😀😀😀😀"],
    ["xyz ab😀c", "***ab😀c"], // a surrogate pair is never split
  ])("masks %j as %j", (value, masked) => {
    expect(maskLast4(value)).toBe(masked);
  });

  it("reveals nothing but the last four characters of a long value", () => {
    const value = "ghp_" + "S3cr3tPart".repeat(10) + "WXYZ";
    const masked = maskLast4(value);
    expect(masked).toBe("***WXYZ");
    expect(masked).not.toContain("S3cr3t");
  });
});
