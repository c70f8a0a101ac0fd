import * as nodeCrypto from "node:crypto";
import type { Sha256 } from "../core/audit/sha256";
import { MESSAGE_AT } from "../core/audit/sha256-wasm";
import { toHex } from "../core/encoding";
import sha256Wasm from "./sha256.wasm";

/** `crypto.hash` (Node ≥ 20.12, workerd nodejs_compat); the pinned types predate it. */
const hash = (
  nodeCrypto as unknown as {
    hash(algorithm: "sha256", data: Uint8Array, encoding: "buffer" | "hex"): Uint8Array | string;
  }
).hash;

/**
 * Longest message hashed in WebAssembly. workerd's native hash costs ~2.8 µs a call whatever
 * the length, then hashes fast; the module (core/audit/sha256-wasm.ts) costs little a call and
 * more a block, so it wins on short messages: Merkle nodes and most event lines.
 */
const WASM_MAX_BYTES = 1024;

const instance = new WebAssembly.Instance(sha256Wasm, {});
const memory = new Uint8Array((instance.exports.memory as WebAssembly.Memory).buffer);
const words = new DataView(memory.buffer);
const blocks = instance.exports.blocks as (n: number) => void;

/** Hashes `data` (≤ WASM_MAX_BYTES) into memory bytes 0–31. */
function wasmDigest(data: Uint8Array): void {
  const n = data.length;
  const padded = (Math.floor((n + 8) / 64) + 1) * 64;
  memory.set(data, MESSAGE_AT);
  memory.fill(0, MESSAGE_AT + n, MESSAGE_AT + padded - 4);
  memory[MESSAGE_AT + n] = 0x80;
  words.setUint32(MESSAGE_AT + padded - 4, n * 8); // n ≤ 1024: the bit length fits 32 bits
  blocks(padded / 64);
}

/**
 * SHA-256 in workerd, synchronous so it runs inside a storage transaction: short messages in
 * WebAssembly, long ones by the native one-shot hash. The same digests as the verifier's.
 */
export const WORKERD_SHA256: Sha256 = {
  digest(data) {
    if (data.length > WASM_MAX_BYTES) return hash("sha256", data, "buffer") as Uint8Array;
    wasmDigest(data);
    return memory.slice(0, 32);
  },
  hex(data) {
    if (data.length > WASM_MAX_BYTES) return hash("sha256", data, "hex") as string;
    wasmDigest(data);
    return toHex(memory.subarray(0, 32));
  },
  digestInto(data, out, offset) {
    if (data.length > WASM_MAX_BYTES) out.set(hash("sha256", data, "buffer") as Uint8Array, offset);
    else {
      wasmDigest(data);
      out.set(memory.subarray(0, 32), offset);
    }
  },
};
