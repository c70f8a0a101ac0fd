import { describe, expect, it } from "vitest";
import { normalizeEmail } from "../../core/email-address";
import { generateOtpCode, isOtpCode, otpMessage } from "../../core/otp";
import { describeUserAgent } from "../../core/user-agent";

describe("generateOtpCode", () => {
  it("returns six digits, keeping leading zeros", () => {
    expect(generateOtpCode((a) => a.fill(7))).toBe("000007");
    for (let i = 0; i < 200; i++) expect(isOtpCode(generateOtpCode())).toBe(true);
  });

  it("rejects draws from the biased tail instead of folding them", () => {
    const limit = Math.floor(2 ** 32 / 1e6) * 1e6;
    const draws = [2 ** 32 - 1, limit, limit - 1];
    const code = generateOtpCode((a) => a.fill(draws.shift()!));
    expect(code).toBe(String((limit - 1) % 1e6).padStart(6, "0"));
    expect(draws).toHaveLength(0);
  });

  it("is roughly uniform over the first digit", () => {
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 20_000; i++) counts[Number(generateOtpCode()[0])]++;
    for (const c of counts) expect(Math.abs(c - 2000)).toBeLessThan(300);
  });

  it("binds the code to its address in the HMAC message", () => {
    expect(otpMessage("a@example.com", "123456")).not.toBe(otpMessage("b@example.com", "123456"));
    expect(otpMessage("a@example.com", "123456")).not.toBe(otpMessage("a@example.com", "123457"));
    // No field can bleed into another: the separator is not allowed in addresses or codes.
    expect(otpMessage("a@example.com", "123456")).toBe("gatehouse/otp/v2\na@example.com\n123456");
  });
});

describe("normalizeEmail", () => {
  it("trims and lower-cases", () => {
    expect(normalizeEmail("  Ada.Lovelace+x@Example.COM ")).toEqual({
      ok: true,
      email: "ada.lovelace+x@example.com",
    });
  });
  it.each([
    "ada@example",
    "@example.com",
    "ada@",
    "ada@@example.com",
    "ada@exa mple.com",
    "ada@-example.com",
    ".ada@example.com",
    "ada.@example.com",
    "ad\u00e1@example.com",
    "ada@ex\u0430mple.com",
    `${"a".repeat(65)}@example.com`,
  ])("refuses %j", (input) => {
    expect(normalizeEmail(input).ok).toBe(false);
  });
});

describe("describeUserAgent", () => {
  it("summarises phones and desktops", () => {
    expect(
      describeUserAgent(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
      ),
    ).toEqual({ device: "Apple iPhone", browser: "Mobile Safari 18", os: "iOS 18.1" });
    expect(
      describeUserAgent(
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
      ),
    ).toEqual({ device: "Computer", browser: "Chrome 131", os: "Linux" });
    expect(describeUserAgent(null).device).toBe("Unknown device");
  });
});
