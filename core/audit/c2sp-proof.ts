/**
 * C2SP tlog-proof (c2sp.org/tlog-proof): `c2sp.org/tlog-proof@v1`, an optional `extra <base64>`
 * line, `index <n>`, the RFC 6962 inclusion path in base64 (sibling first), a blank line, then
 * the checkpoint verbatim. Gatehouse puts the event's hashed bytes (its canonical JSON without
 * `hash`) in `extra`, so the leaf hash is computed from what the proof shows.
 */
import { decodeBase64Strict, encodeBase64, NoteError } from "./c2sp-note";
import { verifyCheckpointNote, type CheckpointPolicy } from "./c2sp-log-keys";
import { hashLeaf, HASH_BYTES, verifyInclusion } from "./merkle";
import { nobleSha256, type Sha256 } from "./sha256";

export const TLOG_PROOF_HEADER = "c2sp.org/tlog-proof@v1";

export interface TlogProof {
  extra?: Uint8Array;
  index: number;
  proof: Uint8Array[];
  /** The checkpoint, a signed note, verbatim. */
  checkpoint: string;
}

export function formatTlogProof(p: TlogProof): string {
  if (!Number.isSafeInteger(p.index) || p.index < 0) throw new NoteError("invalid index");
  const lines = [TLOG_PROOF_HEADER];
  if (p.extra !== undefined) lines.push(`extra ${encodeBase64(p.extra)}`);
  lines.push(`index ${p.index}`, ...p.proof.map(encodeBase64));
  return `${lines.join("\n")}\n\n${p.checkpoint}`;
}

export function parseTlogProof(text: string): TlogProof {
  const bad = (why: string) => new NoteError(`malformed tlog-proof: ${why}`);
  const split = text.indexOf("\n\n");
  if (split < 0) throw bad("no blank line before the checkpoint");
  const lines = text.slice(0, split).split("\n");
  const checkpoint = text.slice(split + 2);
  if (lines.shift() !== TLOG_PROOF_HEADER) throw bad(`first line is not ${TLOG_PROOF_HEADER}`);
  let extra: Uint8Array | undefined;
  if (lines[0]?.startsWith("extra ")) {
    const bytes = decodeBase64Strict(lines.shift()!.slice(6));
    if (!bytes) throw bad("extra is not base64");
    extra = bytes;
  }
  const indexLine = /^index (0|[1-9][0-9]*)$/.exec(lines.shift() ?? "");
  if (!indexLine) throw bad("no index line");
  const index = Number(indexLine[1]);
  if (!Number.isSafeInteger(index)) throw bad("index out of range");
  if (lines.length > 63) throw bad("too many proof lines");
  const proof = lines.map((line) => {
    const hash = decodeBase64Strict(line);
    if (!hash || hash.length !== HASH_BYTES) throw bad("a proof line is a base64 SHA-256 hash");
    return hash;
  });
  return { ...(extra !== undefined ? { extra } : {}), index, proof, checkpoint };
}

export type TlogProofCheck =
  | {
      ok: true;
      index: number;
      size: number;
      origin: string;
      extra?: Uint8Array;
      witnesses: { name: string; timestamp: number }[];
    }
  | { ok: false; code: string; reason: string };

/**
 * Verifies a proof offline: the checkpoint's log signature (and witness quorum), then that the
 * leaf (given, or hashed from `extra`) is at `index` under the checkpoint's root.
 */
export async function verifyTlogProof(
  text: string,
  policy: CheckpointPolicy & { leafData?: Uint8Array },
  sha: Sha256 = nobleSha256,
): Promise<TlogProofCheck> {
  let proof: TlogProof;
  try {
    proof = parseTlogProof(text);
  } catch (e) {
    return { ok: false, code: "malformed", reason: (e as Error).message };
  }
  const checked = await verifyCheckpointNote(proof.checkpoint, policy);
  if (!checked.ok) return checked;
  const data = policy.leafData ?? proof.extra;
  if (data === undefined)
    return { ok: false, code: "no-leaf", reason: "no leaf data given and no extra line" };
  const { size, rootHash, origin } = checked.checkpoint;
  const included = verifyInclusion(
    { index: proof.index, size, leafHash: hashLeaf(data, sha), proof: proof.proof, root: rootHash },
    sha,
  );
  if (!included)
    return {
      ok: false,
      code: "inclusion",
      reason: `leaf ${proof.index} is not included in the tree of size ${size}`,
    };
  return {
    ok: true,
    index: proof.index,
    size,
    origin,
    ...(proof.extra !== undefined ? { extra: proof.extra } : {}),
    witnesses: checked.witnesses,
  };
}
