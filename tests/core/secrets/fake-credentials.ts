/**
 * Builds credential-shaped strings at run time, so the sources hold no literal that a secret
 * scanner (or a reader) could mistake for a real key. Deterministic for a given seed.
 */
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const B64URL = `${ALNUM}-_`;
const B64 = `${ALNUM}+/`;

export function randomish(length: number, seed: number, alphabet = ALNUM): string {
  let state = seed * 2654435761 + 1;
  let out = "";
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out += alphabet[state % alphabet.length];
  }
  return out;
}

export const fakes = {
  anthropic: (s = 1) => `sk-ant-api03-${randomish(93, s, B64URL)}AA`,
  anthropicAdmin: (s = 2) => `sk-ant-admin01-${randomish(93, s, B64URL)}AA`,
  anthropicOauth: (s = 3) => `sk-ant-oat01-${randomish(93, s, B64URL)}AA`,
  openaiLegacy: (s = 4) => `sk-${randomish(20, s)}T3BlbkFJ${randomish(20, s + 1)}`,
  openaiProject: (s = 5) => `sk-proj-${randomish(156, s, B64URL)}`,
  openaiSvcacct: (s = 6) => `sk-svcacct-${randomish(120, s, B64URL)}`,
  openaiAdmin: (s = 7) => `sk-admin-${randomish(120, s, B64URL)}`,
  stripeLive: (s = 8) => `sk_live_${randomish(99, s)}`,
  stripeTest: (s = 9) => `sk_test_${randomish(24, s)}`,
  stripeRestricted: (s = 10) => `rk_live_${randomish(99, s)}`,
  stripePublishable: (s = 11) => `pk_live_${randomish(99, s)}`,
  stripeWebhook: (s = 12) => `whsec_${randomish(32, s)}`,
  github: (prefix: "ghp" | "gho" | "ghu" | "ghs" | "ghr", s = 13) =>
    `${prefix}_${randomish(36, s)}`,
  githubFineGrained: (s = 14) => `github_pat_${randomish(22, s)}_${randomish(59, s + 1)}`,
  awsKeyId: (prefix: "AKIA" | "ASIA" = "AKIA", s = 15) =>
    `${prefix}${randomish(16, s, UPPER_ALNUM)}`,
  awsSecret: (s = 16) => randomish(40, s, B64),
  google: (s = 17) => `AIza${randomish(35, s, B64URL)}`,
  slack: (prefix: "xoxb" | "xoxp" | "xoxa" | "xoxr" | "xoxe", s = 18) =>
    `${prefix}-${randomish(11, s, "0123456789")}-${randomish(13, s + 1, "0123456789")}-${randomish(24, s + 2)}`,
  slackApp: (s = 19) =>
    `xapp-1-A${randomish(10, s, UPPER_ALNUM)}-${randomish(13, s, "0123456789")}-${randomish(64, s + 1, "0123456789abcdef")}`,
  resend: (s = 20) => `re_${randomish(8, s)}_${randomish(24, s + 1)}`,
  gatehouse: (s = 21) => `gth_${randomish(43, s, B64URL)}`,
  pem: (type = "RSA ", s = 22) =>
    `-----BEGIN ${type}PRIVATE KEY-----\n${randomish(64, s, B64)}\n${randomish(40, s + 1, B64)}==\n-----END ${type}PRIVATE KEY-----`,
};
