/** `gatehouse audit verify FILE.jsonl [--jwks JWKS.json]`: offline audit-export verification. */
import * as crypto from "node:crypto";
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { parseArgs } from "node:util";
import { parseJwks, type Jwks } from "../../core/audit/checkpoint";
import type { Sha256 } from "../../core/audit/sha256";
import { wasmLineScanner } from "../../core/audit/canonical-line-wasm";
import { simdSubtreeHasher } from "../../core/audit/subtree-hasher";
import {
  AuditExportVerifier,
  type AuditVerifyOptions,
  type AuditVerifyResult,
  type TrustedHead,
} from "../../core/audit/verify-export";

const USAGE = `usage: gatehouse audit verify FILE.jsonl [--jwks JWKS.json] [--tenant ID] [--since HEAD.json | --since CHECKPOINT --log-key KEY]

  verify   check every line is I-JSON (UTF-8, no duplicate member, no lone surrogate), every
           event hash, prev link and seq, the Merkle root, and the final signed head
           (its signature too when --jwks is given)
  --tenant the export must be signed for this tenant (a signed head is then required)
  --since  a head saved earlier (GET …/audit/head: {"size","root"}), or an earlier C2SP
           checkpoint (with --log-key, the log's vkey): the export must extend it
           exit 0: ok N events · exit 1: bad seq N: reason · exit 2: usage error
`;

/**
 * Node's native SHA-256. `crypto.hash` (Node ≥ 20.12) skips createHash's object; a binary
 * string copied into a Uint8Array is cheaper than a Buffer result.
 */
export const nodeSha256: Sha256 =
  typeof crypto.hash === "function"
    ? {
        digest(data) {
          const binary = crypto.hash("sha256", data, "binary");
          const out = new Uint8Array(32);
          for (let i = 0; i < 32; i++) out[i] = binary.charCodeAt(i);
          return out;
        },
        hex: (data) => crypto.hash("sha256", data, "hex"),
        digestInto(data, out, offset) {
          const binary = crypto.hash("sha256", data, "binary");
          for (let i = 0; i < 32; i++) out[offset + i] = binary.charCodeAt(i);
        },
      }
    : {
        digest: (data) => new Uint8Array(crypto.createHash("sha256").update(data).digest()),
        hex: (data) => crypto.createHash("sha256").update(data).digest("hex"),
      };

/**
 * `sha256x4Module()` and `canonicalLineModule()` as base64, put in by scripts/build-cli.mjs
 * (unset when run from source: the modules are emitted then).
 */
declare const SHA256_X4_WASM: string | undefined;
declare const CANONICAL_LINE_WASM: string | undefined;
const prebuilt = (base64: string | undefined) =>
  base64 === undefined ? undefined : Buffer.from(base64, "base64");

class UsageError extends Error {}

/** Bytes read at a time (a longer line gets a larger buffer). */
const READ_SIZE = 4 << 20;

/**
 * Reads the file through the verifier in one reused buffer (exports can exceed a string's size;
 * fresh chunks per read cost more in garbage collection than the reading itself).
 */
async function verifyFile(path: string, options: AuditVerifyOptions): Promise<AuditVerifyResult> {
  const x4 = prebuilt(typeof SHA256_X4_WASM === "string" ? SHA256_X4_WASM : undefined);
  const subtrees = simdSubtreeHasher(10, x4) ?? undefined;
  const line = prebuilt(typeof CANONICAL_LINE_WASM === "string" ? CANONICAL_LINE_WASM : undefined);
  const lineScanner = wasmLineScanner(READ_SIZE, line) ?? undefined;
  const verifier = new AuditExportVerifier({
    ...options,
    sha256: nodeSha256,
    subtrees,
    lineScanner,
  });
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${errorCode(error)}`);
  }
  try {
    // Read into the line scanner's memory, where it scans the lines.
    let bytes = lineScanner?.bytes ?? new Uint8Array(READ_SIZE);
    let filled = 0;
    for (;;) {
      if (filled === bytes.length) {
        const larger = new Uint8Array(bytes.length * 2); // a line longer than the buffer
        larger.set(bytes);
        bytes = larger;
      }
      let read: number;
      try {
        read = readSync(fd, bytes, filled, bytes.length - filled, null);
      } catch (error) {
        throw new UsageError(`cannot read ${path}: ${errorCode(error)}`);
      }
      if (read === 0) break;
      filled += read;
      const consumed = verifier.pushLines(bytes, 0, filled);
      if (consumed < 0) return await verifier.finish();
      bytes.copyWithin(0, consumed, filled);
      filled -= consumed;
    }
    if (filled > 0) verifier.pushBytes(bytes.subarray(0, filled));
  } finally {
    closeSync(fd);
  }
  return verifier.finish();
}

async function readHead(path: string): Promise<TrustedHead> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new UsageError(`cannot read a head from ${path}: ${errorCode(error)}`);
  }
  const head = value as { size?: unknown; root?: unknown };
  if (
    typeof head !== "object" ||
    head === null ||
    !Number.isSafeInteger(head.size) ||
    (head.size as number) < 0 ||
    typeof head.root !== "string" ||
    !/^[0-9a-f]{64}$/.test(head.root)
  )
    throw new UsageError(`${path} is not a head: expected {"size": N, "root": "<64 hex>"}`);
  return { size: head.size as number, root: head.root };
}

/** The file's text, or "" if it cannot be read (the caller then reports it in its own words). */
function readTextOrEmpty(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

async function readJwks(path: string): Promise<Jwks> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${errorCode(error)}`);
  }
  try {
    return parseJwks(JSON.parse(text));
  } catch (error) {
    throw new UsageError(`invalid JWKS in ${path}: ${(error as Error).message}`);
  }
}

async function verify(args: string[]): Promise<number> {
  let values: { jwks?: string; tenant?: string; since?: string; "log-key"?: string[] };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: {
        jwks: { type: "string" },
        tenant: { type: "string" },
        since: { type: "string" },
        "log-key": { type: "string", multiple: true },
      },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw new UsageError("expected exactly one FILE");
  const jwks = values.jwks === undefined ? undefined : await readJwks(values.jwks);
  // `--since` is a JSON head ({"size","root"}) or a C2SP signed-note checkpoint.
  const sinceIsHead =
    values.since !== undefined && readTextOrEmpty(values.since).trimStart().startsWith("{");
  const since =
    values.since !== undefined && sinceIsHead ? await readHead(values.since) : undefined;
  const result = await verifyFile(file, { jwks, tenant: values.tenant, since });
  if (!result.ok) {
    process.stdout.write(`bad seq ${result.seq}: ${result.reason}\n`);
    return 1;
  }
  if (values.since !== undefined && !sinceIsHead) {
    const since = await checkSinceOption(file, values.since, values["log-key"] ?? []);
    if (!since.ok) {
      process.stdout.write(`not append-only: ${since.reason}\n`);
      return 1;
    }
    process.stderr.write(`extends the checkpoint of size ${since.size} given with --since\n`);
  }
  process.stdout.write(`ok ${result.events} events\n`);
  const { head } = result;
  process.stderr.write(`root ${result.root}\n`);
  process.stderr.write(
    `signed head: tenant ${head.tenant}, size ${head.size}, kid ${head.kid}, ` +
      `signed ${head.ts}, signature ${
        head.signature === "verified" ? "verified" : "NOT checked (no --jwks)"
      }\n`,
  );
  return 0;
}

async function checkSinceOption(file: string, since: string, logKeyArgs: string[]) {
  let note: string;
  try {
    note = readFileSync(since, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${since}: ${errorCode(error)}`);
  }
  const { checkSince } = await import("./audit-since");
  const { readLogKeys } = await import("./tlog-keys");
  let logKeys;
  try {
    logKeys = readLogKeys(logKeyArgs);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (logKeys.length === 0) throw new UsageError("--since needs --log-key (the log's vkey)");
  return checkSince(file, note, logKeys);
}

export async function run(args: string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  try {
    if (subcommand === "verify") return await verify(rest);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`gatehouse audit: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  process.stderr.write(USAGE);
  return 2;
}
