/** What the vault accepts as a secret's name and value (the contract and the service share them). */
export const SECRET_NAME_PATTERN = /^[A-Z][A-Z0-9_]{0,63}$/;
export const MAX_SECRET_VALUE_BYTES = 64 * 1024;
