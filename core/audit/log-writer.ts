import { canonicalJson } from "../canonical-json";
import { toHex, utf8 } from "../encoding";
import type { AuditHead } from "./checkpoint";
import { CompactMerkleTree } from "./compact-tree";
import {
  auditEventInputProblem,
  canonicalEventParts,
  GENESIS_PREV,
  isHex64,
  type AuditEventInput,
  type HashedAuditEvent,
} from "./event";
import { nobleSha256, type Sha256 } from "./sha256";

/** Persistable state of an `AuditLogWriter` (small JSON: size, last hash, Merkle frontier). */
export interface AuditLogState {
  size: number;
  /** Hash of event `size` (`GENESIS_PREV` when empty): the next event's `prev`. */
  head: string;
  frontier: string[];
}

export interface AppendedAuditEvent {
  seq: number;
  /** The chain hash (hex). */
  hash: string;
  /** The export line: the canonical event JSON with its `hash` member (`formatEventLine`). */
  line: string;
  /** RFC 6962 leaf hash of the event, as bytes and as hex: stored to serve proofs. */
  leaf: Uint8Array;
  leafHash: string;
  /** The event parsed back from `line` (computed on access). */
  readonly event: HashedAuditEvent;
}

/** An append-only RFC 6962 tree of leaf hashes that knows its root: where the writer's leaves go. */
export interface MerkleLeaves {
  readonly size: number;
  append(leafHash: Uint8Array): void;
  root(): Uint8Array;
}

/**
 * The writing side of a tenant's audit log, for the Durable Object: assigns seq and prev, hashes
 * the event, and keeps the Merkle root current in O(log n) state. Persist `toState()` together
 * with each appended event (same transaction) and restore with `fromState`.
 */
export class AuditLogWriter {
  private constructor(
    private readonly sha: Sha256,
    private readonly tree: MerkleLeaves,
    private lastHash: string,
  ) {}

  static empty(sha: Sha256 = nobleSha256): AuditLogWriter {
    return new AuditLogWriter(sha, CompactMerkleTree.empty(sha), GENESIS_PREV);
  }

  static fromState(state: AuditLogState, sha: Sha256 = nobleSha256): AuditLogWriter {
    const tree = CompactMerkleTree.fromState(state, sha);
    if (!isHex64(state.head)) throw new TypeError("audit log state: head must be a hex hash");
    if (tree.size === 0 && state.head !== GENESIS_PREV)
      throw new TypeError("audit log state: an empty log's head must be the genesis value");
    return new AuditLogWriter(sha, tree, state.head);
  }

  /**
   * A writer whose leaves go to a tree kept by the caller (the Durable Object's tiles, which
   * hash every inner node anyway), at that tree's size; `head` is the hash of its last event.
   */
  static over(tree: MerkleLeaves, head: string, sha: Sha256 = nobleSha256): AuditLogWriter {
    if (!isHex64(head)) throw new TypeError("audit log state: head must be a hex hash");
    if (tree.size === 0 && head !== GENESIS_PREV)
      throw new TypeError("audit log state: an empty log's head must be the genesis value");
    return new AuditLogWriter(sha, tree, head);
  }

  get size(): number {
    return this.tree.size;
  }

  /**
   * Appends one event (seq = size + 1). Throws TypeError on invalid input, changing nothing.
   * The data is canonicalised once; the bytes hashed are the export line minus its `hash`.
   */
  append(input: AuditEventInput): AppendedAuditEvent {
    const problem = auditEventInputProblem(input);
    if (problem !== null) throw new TypeError(`audit event: ${problem}`);
    const { head, tail } = canonicalEventParts(
      {
        seq: this.tree.size + 1,
        ts: input.ts,
        type: input.type,
        run_id: input.run_id,
        step_id: input.step_id,
        actor: input.actor,
        prev: this.lastHash,
      },
      canonicalJson(input.data),
    );
    const bytes = utf8.encode("\u0000" + head + tail);
    const hash = this.sha.hex(bytes.subarray(1));
    const leaf = this.sha.digest(bytes);
    this.tree.append(leaf);
    this.lastHash = hash;
    const line = `${head},"hash":"${hash}"${tail}`;
    return {
      seq: this.tree.size,
      hash,
      line,
      leaf,
      leafHash: toHex(leaf),
      get event() {
        return JSON.parse(line) as HashedAuditEvent;
      },
    };
  }

  /** Hex Merkle root over all events so far. */
  root(): string {
    return toHex(this.tree.root());
  }

  /** The head to sign for the current size. */
  head(tenant: string, ts: string): AuditHead {
    return { tenant, size: this.size, root: this.root(), ts };
  }

  /** Only for a writer that keeps its own tree (`empty`, `fromState`). */
  toState(): AuditLogState {
    if (!(this.tree instanceof CompactMerkleTree))
      throw new TypeError("this writer's tree is kept by its caller");
    const { size, frontier } = this.tree.toState();
    return { size, head: this.lastHash, frontier };
  }
}
