import * as nodeCrypto from "node:crypto";
import type { Sha256 } from "../core/audit/sha256";

/** `crypto.hash` (Node ≥ 20.12, workerd nodejs_compat); the pinned types predate it. */
const hash = (
  nodeCrypto as unknown as {
    hash(algorithm: "sha256", data: Uint8Array, encoding: "buffer" | "hex"): Uint8Array | string;
  }
).hash;

/**
 * workerd's native one-shot SHA-256: no hash object per call and synchronous, so it runs inside
 * a storage transaction. The same digests as the verifier's.
 */
export const WORKERD_SHA256: Sha256 = {
  digest: (data) => hash("sha256", data, "buffer") as Uint8Array,
  hex: (data) => hash("sha256", data, "hex") as string,
};
