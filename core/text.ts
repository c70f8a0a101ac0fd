/**
 * Text rules for everything people and agents send: well-formed Unicode (no lone surrogates,
 * which cannot be stored or sent as UTF-8 without changing), and for names shown to others NFC
 * with no NUL, control, invisible or bidirectional-override characters.
 */
export const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isWellFormed = (text: string): boolean => !LONE_SURROGATE.test(text);

/** The path (keys and indexes) of the first string or key in `value` that is not well-formed. */
export function findIllFormed(
  value: unknown,
  path: (string | number)[] = [],
): (string | number)[] | null {
  if (typeof value === "string") return isWellFormed(value) ? null : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findIllFormed(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (!isWellFormed(key)) return [...path, key];
      const found = findIllFormed(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** NUL and other C0/C1 controls, zero-width and bidirectional formatting characters. */
export const HIDDEN_CHARACTERS =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** Scripts a name's letters come from, for the console's mixed-script marker. */
export function letterScripts(name: string): string[] {
  const scripts = new Set<string>();
  for (const ch of name) {
    for (const script of ["Latin", "Cyrillic", "Greek", "Armenian", "Hebrew", "Arabic", "Han"]) {
      if (new RegExp(`\\p{Script=${script}}`, "u").test(ch)) scripts.add(script);
    }
  }
  return [...scripts];
}

/** A name mixing letters of several scripts (e.g. Latin with Cyrillic look-alikes). */
export const isMixedScript = (name: string): boolean => letterScripts(name).length > 1;
