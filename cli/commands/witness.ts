/**
 * `gatehouse witness keygen --name NAME --out FILE` and
 * `gatehouse witness serve --key FILE --state FILE --log VKEY [--log VKEY …] [--port N]`:
 * a minimal C2SP tlog-witness. It cosigns a checkpoint only when it extends, by a verified
 * consistency proof, the last one it cosigned for that log, and keeps that in its state file
 * (written before it answers, one request at a time), so it refuses forks and rollbacks.
 */
import { createHash, randomBytes } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { ed25519Cosigner } from "../../core/audit/c2sp-cosignature";
import {
  decodeBase64Strict,
  ed25519NoteVerifier,
  encodeBase64,
  keyIdHex,
  SIG_COSIGNATURE_V1,
  type NoteVerifier,
} from "../../core/audit/c2sp-note";
import { witnessAddCheckpoint, type WitnessState } from "../../core/audit/c2sp-witness";
import { CliError, guarded } from "../api-client";
import { readVkeys } from "./tlog-keys";

const USAGE = `usage: gatehouse witness keygen --name NAME --out FILE
       gatehouse witness serve --key FILE --state FILE --log VKEY [--log VKEY …] [--port N] [--host H]
`;

const MAX_BODY = 64 * 1024;

function options(
  argv: string[],
  opts: Record<string, { type: "string" | "boolean"; multiple?: boolean }>,
) {
  try {
    return parseArgs({ args: argv, options: opts, allowPositionals: false, strict: true }).values;
  } catch (e) {
    throw new CliError((e as Error).message, 2);
  }
}

/** `PRIVATE+KEY+<name>+<key id>+base64(0x04 ‖ seed)`, the signed-note private key text form. */
function parsePrivateKey(text: string) {
  const m = /^PRIVATE\+KEY\+([^+\s]+)\+([0-9a-f]{8})\+(\S+)$/.exec(text.trim());
  const bytes = m ? decodeBase64Strict(m[3]!) : null;
  if (!m || !bytes || bytes.length !== 33 || bytes[0] !== SIG_COSIGNATURE_V1)
    throw new CliError("the key file is not a witness private key (see witness keygen)", 2);
  return { name: m[1]!, keyId: m[2]!, seed: bytes.slice(1) };
}

async function keygen(argv: string[]): Promise<number> {
  const v = options(argv, { name: { type: "string" }, out: { type: "string" } });
  if (!v.name || !v.out) throw new CliError("--name and --out are required", 2);
  const seed = new Uint8Array(randomBytes(32));
  const cosigner = await ed25519Cosigner(v.name as string, seed);
  const material = new Uint8Array(33);
  material[0] = SIG_COSIGNATURE_V1;
  material.set(seed, 1);
  writeFileSync(
    v.out as string,
    `PRIVATE+KEY+${cosigner.name}+${keyIdHex(cosigner.keyId)}+${encodeBase64(material)}\n`,
    { mode: 0o600, flag: "wx" },
  );
  process.stdout.write(`${cosigner.vkey}\n`);
  return 0;
}

function loadState(path: string): WitnessState {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as WitnessState;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw new CliError(`cannot read the state file ${path}`, 2);
  }
}

async function serve(argv: string[]): Promise<number> {
  const v = options(argv, {
    key: { type: "string" },
    state: { type: "string" },
    log: { type: "string", multiple: true },
    port: { type: "string" },
    host: { type: "string" },
  });
  if (!v.key || !v.state) throw new CliError("--key and --state are required", 2);
  const key = parsePrivateKey(readFileSync(v.key as string, "utf8"));
  const cosigner = await ed25519Cosigner(key.name, key.seed);
  const logs = new Map<string, NoteVerifier[]>();
  for (const vkey of readVkeys((v.log as string[] | undefined) ?? [], "--log")) {
    const verifier = ed25519NoteVerifier(vkey);
    logs.set(verifier.key.name, [...(logs.get(verifier.key.name) ?? []), verifier]);
  }
  if (logs.size === 0) throw new CliError("give at least one --log VKEY to witness", 2);
  const statePath = v.state as string;
  let state = loadState(statePath);
  let queue: Promise<unknown> = Promise.resolve();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on("end", () => {
      queue = queue.then(async () => {
        const url = new URL(req.url ?? "/", "http://witness");
        if (req.method === "POST" && url.pathname === "/add-checkpoint") {
          if (size > MAX_BODY) return reply(res, 400, "text/plain", "request too large\n");
          const body = Buffer.concat(chunks).toString("utf8");
          const answer = await witnessAddCheckpoint(
            body,
            state,
            { cosigner, logs },
            Math.floor(Date.now() / 1000),
          );
          if (answer.state) {
            writeFileSync(`${statePath}.tmp`, `${JSON.stringify(answer.state, null, 2)}\n`);
            renameSync(`${statePath}.tmp`, statePath);
            state = answer.state;
          }
          return reply(res, answer.status, answer.contentType, answer.body);
        }
        const m = /^\/([0-9a-f]{64})\/checkpoint$/.exec(url.pathname);
        if (req.method === "GET" && m) {
          const origin = [...logs.keys()].find(
            (o) => createHash("sha256").update(o).digest("hex") === m[1],
          );
          const known = origin ? state[origin] : undefined;
          if (known) return reply(res, 200, "text/plain; charset=utf-8", known.checkpoint);
        }
        return reply(res, 404, "text/plain", "not found\n");
      });
    });
  });
  const port = v.port === undefined ? 0 : Number(v.port);
  await new Promise<void>((resolve) =>
    server.listen(port, (v.host as string) ?? "127.0.0.1", resolve),
  );
  const address = server.address();
  const actual = typeof address === "object" && address ? address.port : port;
  process.stdout.write(
    `witness ${cosigner.vkey} listening on http://${(v.host as string) ?? "127.0.0.1"}:${actual}\n`,
  );
  await new Promise<void>((resolve) => {
    process.once("SIGTERM", resolve);
    process.once("SIGINT", resolve);
  });
  server.close();
  return 0;
}

function reply(
  res: import("node:http").ServerResponse,
  status: number,
  type: string,
  body: string,
) {
  res.writeHead(status, { "content-type": type });
  res.end(body);
}

export function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  return guarded(async () => {
    if (sub === "keygen") return keygen(rest);
    if (sub === "serve") return serve(rest);
    process.stderr.write(USAGE);
    return 2;
  });
}
