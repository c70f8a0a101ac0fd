/** Secret names as the vault accepts them (capabilities/vault/secrets.ts SECRET_NAME_PATTERN). */
export const SECRET_NAME = /^[A-Z][A-Z0-9_]{0,63}$/;

export const SECRET_NAME_RULE = "Use A–Z, 0–9 and _, starting with a letter (at most 64).";

/** What is wrong with a typed name, or null when the vault will take it. */
export function secretNameProblem(name: string): string | null {
  if (name === "") return "Name the secret.";
  return SECRET_NAME.test(name) ? null : SECRET_NAME_RULE;
}
