/**
 * C2SP tlog-checkpoint (c2sp.org/tlog-checkpoint): a signed note whose text is the log's origin,
 * its tree size in decimal, its RFC 6962 root hash in base64, and optional extension lines.
 */
import { decodeBase64Strict, encodeBase64, NoteError } from "./c2sp-note";
import { HASH_BYTES } from "./merkle";

export interface TlogCheckpoint {
  origin: string;
  size: number;
  rootHash: Uint8Array;
  extensions: string[];
}

export function formatCheckpointText(cp: TlogCheckpoint): string {
  if (cp.origin.length === 0 || cp.origin.includes("\n")) throw new NoteError("invalid origin");
  if (!Number.isSafeInteger(cp.size) || cp.size < 0) throw new NoteError("invalid tree size");
  if (cp.rootHash.length !== HASH_BYTES) throw new NoteError("a root hash is 32 bytes");
  if (cp.extensions.some((e) => e.length === 0 || e.includes("\n")))
    throw new NoteError("extension lines must be non-empty single lines");
  return [cp.origin, String(cp.size), encodeBase64(cp.rootHash), ...cp.extensions]
    .map((line) => `${line}\n`)
    .join("");
}

/** Parses a checkpoint's note text (not the signatures); throws NoteError when malformed. */
export function parseCheckpointText(text: string): TlogCheckpoint {
  if (!text.endsWith("\n")) throw new NoteError("a checkpoint text ends in a newline");
  const lines = text.slice(0, -1).split("\n");
  if (lines.length < 3 || lines.some((l) => l.length === 0))
    throw new NoteError("a checkpoint has at least three non-empty lines");
  const [origin, sizeText, rootText, ...extensions] = lines as [string, string, string];
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText)) throw new NoteError("invalid tree size line");
  const size = Number(sizeText);
  if (!Number.isSafeInteger(size)) throw new NoteError("tree size out of range");
  const rootHash = decodeBase64Strict(rootText);
  if (!rootHash || rootHash.length !== HASH_BYTES) throw new NoteError("invalid root hash line");
  return { origin, size, rootHash, extensions };
}
