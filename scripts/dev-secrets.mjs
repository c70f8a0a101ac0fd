// Generates any missing development secret into .dev.vars (git-ignored); never overwrites one.
import { randomBytes, webcrypto } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

async function signingKey() {
  const { privateKey } = await webcrypto.subtle.generateKey({ name: "Ed25519" }, true, [
    "sign",
    "verify",
  ]);
  const { kty, crv, x, d } = await webcrypto.subtle.exportKey("jwk", privateKey);
  return JSON.stringify({
    kty,
    crv,
    x,
    d,
    alg: "EdDSA",
    use: "sig",
    kid: `dev-${randomBytes(4).toString("hex")}`,
  });
}

const generators = {
  AUTH_PEPPER: async () => randomBytes(32).toString("base64url"),
  VAULT_KEKS: async () => `dev1:${randomBytes(32).toString("base64")}`,
  SIGNING_KEY: signingKey,
  OPERATOR_TOKEN: async () => randomBytes(32).toString("base64url"),
};

export async function ensureDevSecrets(path = ".dev.vars") {
  const text = existsSync(path) ? readFileSync(path, "utf8") : "";
  const present = new Set([...text.matchAll(/^([A-Z0-9_]+)\s*=/gm)].map((m) => m[1]));
  const added = [];
  let out = text && !text.endsWith("\n") ? `${text}\n` : text;
  for (const [name, make] of Object.entries(generators)) {
    if (present.has(name)) continue;
    // Single quotes: .dev.vars is dotenv, where they keep JSON values literal.
    out += `${name}='${await make()}'\n`;
    added.push(name);
  }
  if (added.length) {
    writeFileSync(path, out, { mode: 0o600 });
    console.log(`Generated development secrets in ${path}: ${added.join(", ")}`);
  }
}
