/** Email one-time codes: generation without modulo bias and the message that is HMAC'd. */

export const OTP_DIGITS = 6;
const RANGE = 10 ** OTP_DIGITS;
// Largest multiple of RANGE that fits in 32 bits: draws at or above it are rejected.
const LIMIT = Math.floor(2 ** 32 / RANGE) * RANGE;

export function generateOtpCode(
  fill: (a: Uint32Array) => Uint32Array = (a) => crypto.getRandomValues(a),
): string {
  const draw = new Uint32Array(1);
  for (;;) {
    const value = fill(draw)[0]!;
    if (value < LIMIT) return String(value % RANGE).padStart(OTP_DIGITS, "0");
  }
}

/**
 * Binds a code to its address, so a stored HMAC is useless for any other address. It does not
 * name the challenge (v1 did): the Worker computes it before it knows which challenge is live,
 * so the comparison runs inside the verify's single D1 batch. Every challenge draws a fresh
 * random code and only the address's latest live challenge is ever compared, so the challenge
 * id added nothing a guess does not already face (one chance in 10^6 per attempt).
 */
export function otpMessage(email: string, code: string): string {
  return `gatehouse/otp/v2\n${email}\n${code}`;
}

export const isOtpCode = (text: string): boolean => /^[0-9]{6}$/.test(text);
