import { randomToken, sha256Hex } from "../../core/crypto/hash";

/** `gth_` + 32 random bytes as base64url (43 characters), per DESIGN.md §2. */
export const API_TOKEN_PATTERN = /^gth_[A-Za-z0-9_-]{43}$/;

/** last_used_at is written at most this often per token. */
export const LAST_USED_GRANULARITY_MS = 60 * 1000;

export function newApiToken(): string {
  return `gth_${randomToken(32)}`;
}

/** What is stored: SHA-256 hex. The token itself is shown once and never kept. */
export const hashApiToken = (token: string): Promise<string> => sha256Hex(token);

/** The credential of `Authorization: Bearer <credential>`, or undefined for other schemes. */
export function bearerCredential(header: string | undefined): string | undefined {
  const match = /^Bearer[ \t]+(\S{1,512})[ \t]*$/i.exec(header ?? "");
  return match?.[1];
}
