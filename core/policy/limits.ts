/** The longest policy source the server stores, in UTF-16 code units (JavaScript length). */
export const MAX_POLICY_SOURCE_CHARS = 60_000;

/**
 * The request body the largest allowed policy needs: JSON escapes a control character as
 * `\u00XX` (6 bytes per code unit, more than any UTF-8 encoding), plus the envelope.
 */
export const MAX_POLICY_BODY_BYTES = 6 * MAX_POLICY_SOURCE_CHARS + 1024;
