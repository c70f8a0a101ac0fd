/**
 * C2SP tlog-witness (c2sp.org/tlog-witness) `add-checkpoint`: the request format the log sends
 * and the witness's decision, as pure functions. The witness keeps, per origin, the latest
 * checkpoint it cosigned; it cosigns a new one only if the old size the log names is exactly
 * that size and a consistency proof from it verifies, so it never cosigns a fork or a rollback.
 */
import { parseCheckpointText } from "./c2sp-checkpoint";
import type { Cosigner } from "./c2sp-cosignature";
import {
  decodeBase64Strict,
  encodeBase64,
  NoteError,
  verifyNote,
  type NoteVerifier,
} from "./c2sp-note";
import { emptyTreeRoot, hashesEqual, HASH_BYTES, verifyConsistency } from "./merkle";

export interface AddCheckpointRequest {
  oldSize: number;
  proof: Uint8Array[];
  checkpoint: string;
}

export function formatAddCheckpoint(r: AddCheckpointRequest): string {
  return `old ${r.oldSize}\n${r.proof.map((h) => `${encodeBase64(h)}\n`).join("")}\n${r.checkpoint}`;
}

export function parseAddCheckpoint(body: string): AddCheckpointRequest {
  const split = body.indexOf("\n\n");
  if (split < 0) throw new NoteError("no blank line before the checkpoint");
  const lines = body.slice(0, split).split("\n");
  const old = /^old (0|[1-9][0-9]*)$/.exec(lines.shift() ?? "");
  if (!old || !Number.isSafeInteger(Number(old[1]))) throw new NoteError("no old size line");
  if (lines.length > 63) throw new NoteError("more than 63 proof lines");
  const proof = lines.map((l) => {
    const h = decodeBase64Strict(l);
    if (!h || h.length !== HASH_BYTES) throw new NoteError("a proof line is a base64 hash");
    return h;
  });
  return { oldSize: Number(old[1]), proof, checkpoint: body.slice(split + 2) };
}

/** What the witness remembers for one log. */
export interface WitnessedLog {
  size: number;
  /** Base64 root hash. */
  root: string;
  /** The checkpoint with the log's and this witness's signatures. */
  checkpoint: string;
}

export type WitnessState = Record<string, WitnessedLog>;

export interface WitnessReply {
  status: 200 | 400 | 403 | 404 | 409 | 422;
  contentType: string;
  body: string;
  /** The new state to persist before answering (200 only). */
  state?: WitnessState;
}

const text = (status: WitnessReply["status"], body: string): WitnessReply => ({
  status,
  contentType: "text/plain; charset=utf-8",
  body: `${body}\n`,
});

export async function witnessAddCheckpoint(
  body: string,
  state: WitnessState,
  config: { cosigner: Cosigner; logs: ReadonlyMap<string, readonly NoteVerifier[]> },
  nowSeconds: number,
): Promise<WitnessReply> {
  let request: AddCheckpointRequest;
  let cp: ReturnType<typeof parseCheckpointText>;
  let noteText: string;
  try {
    request = parseAddCheckpoint(body);
    const firstBlank = request.checkpoint.lastIndexOf("\n\n");
    if (firstBlank < 0) throw new NoteError("malformed note");
    noteText = request.checkpoint.slice(0, firstBlank + 1);
    cp = parseCheckpointText(noteText);
  } catch (e) {
    return text(400, (e as Error).message);
  }
  const verifiers = config.logs.get(cp.origin);
  if (!verifiers) return text(404, "unknown origin");
  const verified = await verifyNote(request.checkpoint, verifiers);
  if (!verified.ok) return text(403, verified.reason);
  if (request.oldSize > cp.size) return text(400, "old size is larger than the checkpoint");
  const known = state[cp.origin];
  const knownSize = known?.size ?? 0;
  if (request.oldSize !== knownSize)
    return { status: 409, contentType: "text/x.tlog.size", body: `${knownSize}\n` };
  if (cp.size === 0 && !hashesEqual(cp.rootHash, emptyTreeRoot()))
    return text(422, "a size 0 checkpoint must have the empty tree's root");
  if (request.oldSize === 0) {
    if (request.proof.length > 0) return text(422, "no proof is needed from size 0");
  } else if (request.oldSize === cp.size) {
    if (request.proof.length > 0 || encodeBase64(cp.rootHash) !== known!.root)
      return text(422, "same size, different root: inconsistent");
  } else {
    const consistent = verifyConsistency({
      oldSize: request.oldSize,
      newSize: cp.size,
      oldRoot: decodeBase64Strict(known!.root)!,
      newRoot: cp.rootHash,
      proof: request.proof,
    });
    if (!consistent) return text(422, "consistency proof does not verify");
  }
  const cosignature = await config.cosigner.cosign(noteText, nowSeconds);
  const logLines = verified.note.signatures
    .filter((s) => verifiers.some((v) => v.key.name === s.name && v.key.keyId === s.keyId))
    .map((s) => s.line)
    .join("");
  return {
    status: 200,
    contentType: "text/plain; charset=utf-8",
    body: cosignature,
    state: {
      ...state,
      [cp.origin]: {
        size: cp.size,
        root: encodeBase64(cp.rootHash),
        checkpoint: `${noteText}\n${logLines}${cosignature}`,
      },
    },
  };
}
