/**
 * `gatehouse audit verify FILE --since OLD_CHECKPOINT --log-key KEY`: the export must extend a
 * checkpoint (a C2SP signed note) trusted earlier: its first `size` events must hash to the
 * old checkpoint's root. A shorter export or another root is a rollback or a fork.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { verifyCheckpointNote, type LogKey } from "../../core/audit/c2sp-log-keys";
import { CompactMerkleTree } from "../../core/audit/compact-tree";
import { canonicalEventJson } from "../../core/audit/event";
import { hashesEqual } from "../../core/audit/merkle";
import { utf8 } from "../../core/encoding";
import { nodeSha256 } from "./audit";

export type SinceCheck = { ok: true; size: number } | { ok: false; reason: string };

export async function checkSince(
  exportPath: string,
  note: string,
  logKeys: LogKey[],
): Promise<SinceCheck> {
  const checked = await verifyCheckpointNote(note, { logKeys });
  if (!checked.ok) return { ok: false, reason: `old checkpoint: ${checked.reason}` };
  const { size, rootHash } = checked.checkpoint;
  const tree = CompactMerkleTree.empty(nodeSha256);
  const lines = createInterface({
    input: createReadStream(exportPath, "utf8"),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    if (tree.size === size) break;
    const record = JSON.parse(line) as Record<string, unknown>;
    if (!("seq" in record)) break;
    tree.append(nodeSha256.digest(utf8.encode(`\u0000${canonicalEventJson(record as never)}`)));
  }
  lines.close();
  if (tree.size < size)
    return {
      ok: false,
      reason: `rollback: the export has ${tree.size} events, the old checkpoint ${size}`,
    };
  if (!hashesEqual(tree.root(), rootHash))
    return {
      ok: false,
      reason: `fork: the export's first ${size} events do not match the old checkpoint`,
    };
  return { ok: true, size };
}
