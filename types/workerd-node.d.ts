// The one Node built-in the Worker uses (workerd provides it with nodejs_compat): a synchronous
// SHA-256 for the audit log, declared narrowly instead of pulling all of @types/node into the
// Workers program.
declare module "node:crypto" {
  interface Hash {
    update(data: Uint8Array | string): Hash;
    digest(): Uint8Array;
  }
  export function createHash(algorithm: "sha256"): Hash;
}
