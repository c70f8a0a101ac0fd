/** `gatehouse audit verify FILE.jsonl [--jwks JWKS.json]`: offline audit-export verification. */
import * as crypto from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { parseJwks, type Jwks } from "../../core/audit/checkpoint";
import type { Sha256 } from "../../core/audit/sha256";
import { AuditExportVerifier, type AuditVerifyResult } from "../../core/audit/verify-export";

const USAGE = `usage: gatehouse audit verify FILE.jsonl [--jwks JWKS.json] [--since CHECKPOINT --log-key KEY]

  verify   check every event hash, prev link and seq, the Merkle root, and the final
           signed checkpoint (its signature too when --jwks is given)
           --since: the export must extend that earlier C2SP checkpoint (append-only)
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
      }
    : {
        digest: (data) => new Uint8Array(crypto.createHash("sha256").update(data).digest()),
        hex: (data) => crypto.createHash("sha256").update(data).digest("hex"),
      };

class UsageError extends Error {}

/** Streams the file line by line through the verifier (exports can exceed a string's size). */
async function verifyFile(path: string, jwks: Jwks | undefined): Promise<AuditVerifyResult> {
  const verifier = new AuditExportVerifier({ jwks, sha256: nodeSha256 });
  const stream = createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 });
  const chunks = (stream as AsyncIterable<string>)[Symbol.asyncIterator]();
  let rest = "";
  try {
    for (;;) {
      let next: IteratorResult<string>;
      try {
        next = await chunks.next();
      } catch (error) {
        throw new UsageError(`cannot read ${path}: ${errorCode(error)}`);
      }
      if (next.done) break;
      const text = rest + next.value;
      let start = 0;
      for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
        if (!verifier.push(text.slice(start, end))) return await verifier.finish();
        start = end + 1;
      }
      rest = text.slice(start);
    }
  } finally {
    stream.destroy();
  }
  if (rest.length > 0) verifier.push(rest);
  return verifier.finish();
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

async function readJwks(path: string): Promise<Jwks> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
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
  let values: { jwks?: string; since?: string; "log-key"?: string[] };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: {
        jwks: { type: "string" },
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
  const result = await verifyFile(file, jwks);
  if (!result.ok) {
    process.stdout.write(`bad seq ${result.seq}: ${result.reason}\n`);
    return 1;
  }
  if (values.since !== undefined) {
    const since = await checkSinceOption(file, values.since, values["log-key"] ?? []);
    if (!since.ok) {
      process.stdout.write(`not append-only: ${since.reason}\n`);
      return 1;
    }
    process.stderr.write(`extends the checkpoint of size ${since.size} given with --since\n`);
  }
  process.stdout.write(`ok ${result.events} events\n`);
  const { checkpoint } = result;
  process.stderr.write(`root ${result.root}\n`);
  if (checkpoint === undefined) process.stderr.write("no checkpoint in the export\n");
  else
    process.stderr.write(
      `checkpoint: tenant ${checkpoint.tenant}, size ${checkpoint.size}, kid ${checkpoint.kid}, ` +
        `signed ${checkpoint.ts}, signature ${
          checkpoint.signature === "verified" ? "verified" : "NOT checked (no --jwks)"
        }\n`,
    );
  return 0;
}

async function checkSinceOption(file: string, since: string, logKeyArgs: string[]) {
  let note: string;
  try {
    note = await readFile(since, "utf8");
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
