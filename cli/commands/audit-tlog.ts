/**
 * `gatehouse audit verify-proof FILE --log-key KEY [--witness KEY …] [--min-witnesses N]` and
 * `gatehouse audit monitor URL --state FILE --log-key KEY [--interval S] [--once]`.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { verifyCheckpointNote, type LogKey } from "../../core/audit/c2sp-log-keys";
import { decodeBase64Strict, encodeBase64 } from "../../core/audit/c2sp-note";
import { verifyTlogProof } from "../../core/audit/c2sp-proof";
import { verifyConsistency } from "../../core/audit/merkle";
import { fromHex, utf8 } from "../../core/encoding";
import { CliError, guarded } from "../api-client";
import { nodeSha256 } from "./audit";
import { readLogKeys, readVkeys } from "./tlog-keys";

function args(
  argv: string[],
  options: NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>["options"]>,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError((e as Error).message, 2);
  }
}

function minWitnesses(value: string | undefined, given: number): number {
  if (value === undefined) return given;
  if (!/^\d+$/.test(value)) throw new CliError("--min-witnesses takes a number", 2);
  return Number(value);
}

/** Exit 0: the event is in the log (and witnessed enough); 1: it is not; 2: usage. */
export function verifyProof(argv: string[]): Promise<number> {
  return guarded(async () => {
    const { values, positionals } = args(argv, {
      "log-key": { type: "string", multiple: true },
      witness: { type: "string", multiple: true },
      "min-witnesses": { type: "string" },
      origin: { type: "string" },
    });
    const [file, ...extra] = positionals;
    if (!file || extra.length) throw new CliError("expected exactly one FILE", 2);
    const logKeys = readLogKeys((values["log-key"] as string[] | undefined) ?? []);
    if (logKeys.length === 0) throw new CliError("--log-key is required", 2);
    const witnesses = readVkeys((values.witness as string[] | undefined) ?? []);
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code}`, 2);
    }
    const result = await verifyTlogProof(
      text,
      {
        logKeys,
        witnesses,
        minWitnesses: minWitnesses(values["min-witnesses"] as string | undefined, witnesses.length),
        ...(values.origin ? { origin: values.origin as string } : {}),
      },
      nodeSha256,
    );
    if (!result.ok) {
      process.stdout.write(`bad proof (${result.code}): ${result.reason}\n`);
      return 1;
    }
    const names = result.witnesses.map((w) => w.name).join(", ") || "none";
    process.stdout.write(
      `ok event ${result.index + 1} is in ${result.origin} at size ${result.size}; witnesses: ${names}\n`,
    );
    if (result.extra) process.stdout.write(`${utf8.decode(result.extra)}\n`);
    return 0;
  });
}

interface MonitorState {
  origin: string;
  size: number;
  /** Base64 root hash of the last trusted checkpoint. */
  root: string;
  checkpoint: string;
}

function readState(path: string): MonitorState | null {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new CliError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code}`, 2);
  }
  const state = JSON.parse(text) as MonitorState;
  if (typeof state.size !== "number" || typeof state.root !== "string")
    throw new CliError(`${path} is not a monitor state file`, 2);
  return state;
}

function writeState(path: string, state: MonitorState): void {
  writeFileSync(`${path}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}

class Alarm extends Error {}

async function get(url: string): Promise<Response> {
  const token = process.env.GATEHOUSE_TOKEN;
  try {
    return await fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  } catch (e) {
    throw new CliError(`cannot reach ${url}: ${(e as Error).message}`);
  }
}

/** One poll: verifies the log's current checkpoint and that it extends the trusted one. */
async function poll(
  base: string,
  logKeys: LogKey[],
  policy: { witnesses: string[]; minWitnesses: number },
  trusted: MonitorState | null,
): Promise<MonitorState> {
  const res = await get(`${base}/checkpoint`);
  if (!res.ok) throw new CliError(`GET ${base}/checkpoint: ${res.status}`);
  const note = await res.text();
  const checked = await verifyCheckpointNote(note, { logKeys, ...policy });
  if (!checked.ok) throw new Alarm(`checkpoint rejected (${checked.code}): ${checked.reason}`);
  const { size, rootHash, origin } = checked.checkpoint;
  const root = encodeBase64(rootHash);
  const next = { origin, size, root, checkpoint: note };
  if (!trusted || trusted.size === 0) return next;
  if (origin !== trusted.origin) throw new Alarm(`origin changed from ${trusted.origin}`);
  if (size < trusted.size)
    throw new Alarm(`rollback: size ${size} is below the trusted size ${trusted.size}`);
  if (size === trusted.size) {
    if (root !== trusted.root) throw new Alarm(`fork: two roots for size ${size}`);
    return next;
  }
  const proofRes = await get(`${base}/proofs/consistency?from=${trusted.size}&to=${size}`);
  if (!proofRes.ok) throw new Alarm(`no consistency proof from ${trusted.size} to ${size}`);
  const body = (await proofRes.json()) as { proof?: unknown };
  const proof = Array.isArray(body.proof) ? body.proof : [];
  const consistent =
    proof.every((h) => typeof h === "string" && /^[0-9a-f]{64}$/.test(h)) &&
    verifyConsistency(
      {
        oldSize: trusted.size,
        newSize: size,
        oldRoot: decodeBase64Strict(trusted.root)!,
        newRoot: rootHash,
        proof: (proof as string[]).map(fromHex),
      },
      nodeSha256,
    );
  if (!consistent)
    throw new Alarm(`fork: size ${size} does not extend the trusted size ${trusted.size}`);
  return next;
}

/** Exit 0 after --once with no problem; 3 on a fork, rollback or bad signature; 1/2 otherwise. */
export function monitor(argv: string[]): Promise<number> {
  return guarded(async () => {
    const { values, positionals } = args(argv, {
      state: { type: "string" },
      "log-key": { type: "string", multiple: true },
      witness: { type: "string", multiple: true },
      "min-witnesses": { type: "string" },
      interval: { type: "string", default: "60" },
      once: { type: "boolean", default: false },
    });
    const [url, ...extra] = positionals;
    if (!url || extra.length) throw new CliError("expected exactly one URL", 2);
    if (!values.state) throw new CliError("--state FILE is required", 2);
    const logKeys = readLogKeys((values["log-key"] as string[] | undefined) ?? []);
    if (logKeys.length === 0) throw new CliError("--log-key is required", 2);
    const witnesses = readVkeys((values.witness as string[] | undefined) ?? []);
    const policy = {
      witnesses,
      minWitnesses: minWitnesses(values["min-witnesses"] as string | undefined, witnesses.length),
    };
    const interval = Number(values.interval);
    if (!Number.isFinite(interval) || interval < 1)
      throw new CliError("--interval is seconds ≥ 1", 2);
    const base = url.replace(/\/+$/, "");
    const statePath = values.state as string;
    for (;;) {
      const trusted = readState(statePath);
      try {
        const next = await poll(base, logKeys, policy, trusted);
        writeState(statePath, next);
        process.stdout.write(
          `ok ${next.origin} size ${next.size}${trusted ? ` (was ${trusted.size})` : " (first)"}\n`,
        );
      } catch (e) {
        if (!(e instanceof Alarm)) throw e;
        process.stdout.write(`ALERT ${e.message}\n`);
        return 3;
      }
      if (values.once) return 0;
      await new Promise((r) => setTimeout(r, interval * 1000));
    }
  });
}
