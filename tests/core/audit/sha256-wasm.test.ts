import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MESSAGE_AT, sha256Module } from "../../../core/audit/sha256-wasm";

const COMMITTED = new URL("../../../platform/sha256.wasm", import.meta.url);

/** The module's digest of `data`, padded here as FIPS 180-4 §5.1.1 says. */
function wasmDigest(bytes: Uint8Array<ArrayBuffer>, data: Uint8Array): string {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
  const memory = new Uint8Array((instance.exports.memory as WebAssembly.Memory).buffer);
  const padded = Math.ceil((data.length + 9) / 64) * 64;
  memory.set(data, MESSAGE_AT);
  memory[MESSAGE_AT + data.length] = 0x80;
  new DataView(memory.buffer).setBigUint64(MESSAGE_AT + padded - 8, BigInt(data.length * 8));
  (instance.exports.blocks as (n: number) => void)(padded / 64);
  return Buffer.from(memory.subarray(0, 32)).toString("hex");
}

describe("the SHA-256 WebAssembly module", () => {
  it("is committed as platform/sha256.wasm exactly as emitted", () => {
    // To refresh it: npx tsx -e 'import { sha256Module } from "./core/audit/sha256-wasm.ts";
    //   import { writeFileSync } from "node:fs"; writeFileSync("platform/sha256.wasm", sha256Module())'
    expect(new Uint8Array(readFileSync(COMMITTED))).toEqual(sha256Module());
  });

  it("hashes as node:crypto does, at every length across the block boundaries", () => {
    const bytes = new Uint8Array(readFileSync(COMMITTED));
    for (let n = 0; n <= 300; n++) {
      const data = randomBytes(n);
      expect(wasmDigest(bytes, data), `length ${n}`).toBe(
        createHash("sha256").update(data).digest("hex"),
      );
    }
    for (const n of [1000, 1024, 4000]) {
      const data = randomBytes(n);
      expect(wasmDigest(bytes, data)).toBe(createHash("sha256").update(data).digest("hex"));
    }
  });

  it("gives the FIPS 180-2 test vectors", () => {
    const bytes = new Uint8Array(readFileSync(COMMITTED));
    expect(wasmDigest(bytes, new TextEncoder().encode("abc"))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(wasmDigest(bytes, new Uint8Array(0))).toBe(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
  });
});
