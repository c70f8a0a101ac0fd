/**
 * Offline verification of an audit export (format: export-format.ts): every event's hash and
 * prev link, seq contiguity from 1, the Merkle root, and the final signed head's size, root and
 * (given a JWKS) signature. Stops at the first failure.
 */
import { toHex } from "../encoding";
import { decodeSignedHead, verifySignedHead, type AuditHead, type Jwks } from "./checkpoint";
import { scanCanonicalEventLine, type CanonicalEventLine } from "./canonical-line";
import type { WasmLineScanner } from "./canonical-line-wasm";
import { CompactMerkleTree } from "./compact-tree";
import {
  canonicalEventJson,
  GENESIS_PREV,
  HASH_FORMAT,
  isHex64,
  PREV_FORMAT,
  type HashedAuditEvent,
} from "./event";
import {
  AuditExportReader,
  HASH_MEMBER,
  HASH_MEMBER_LENGTH,
  hashMemberIndex,
  utf8Lines,
  type TrailerClaim,
} from "./export-format";
import { nobleSha256, type Sha256 } from "./sha256";
import type { SubtreeHasher } from "./subtree-hasher";

export type AuditFailureCode =
  | "malformed-line"
  | "seq-gap"
  | "broken-prev"
  | "bad-hash"
  | "missing-signed-head"
  | "malformed-signed-head"
  | "unknown-kid"
  | "bad-signature"
  | "size-mismatch"
  | "root-mismatch"
  | "forked-chain"
  | "wrong-tenant"
  | "not-grown";

export interface VerifiedHead extends AuditHead {
  kid: string;
  /** "unchecked" when no JWKS was given: size and root were still compared. */
  signature: "verified" | "unchecked";
}

/**
 * `seq` of a failure is the first event that fails a check. Failures of the trailer
 * itself (missing, malformed, unknown kid, bad signature) report N + 1, the place the trailer
 * takes after N events; a signed head of another size reports the first event it disagrees on
 * (min(size, N) + 1); a root mismatch reports 1, as any event may be the altered one.
 */
export type AuditVerifyResult =
  | { ok: true; events: number; root: string; head: VerifiedHead }
  | { ok: false; seq: number; line: number; code: AuditFailureCode; reason: string };

export type AuditVerifyFailure = Extract<AuditVerifyResult, { ok: false }>;

/** A head trusted from before (`GET …/audit/head`): the export must extend it. */
export interface TrustedHead {
  size: number;
  root: string;
}

export interface AuditVerifyOptions {
  /** Public keys; when given, a trailer is required and its signature must verify. */
  jwks?: Jwks;
  /** The tenant the export must belong to (the signed head names it; one is required). */
  tenant?: string;
  /** An earlier head: events 1..size of the export must give its root (the log only grew). */
  since?: TrustedHead;
  /** Synchronous SHA-256; defaults to @noble/hashes. */
  sha256?: Sha256;
  /**
   * Hashes the Merkle tree's interior nodes a batch of leaves at a time (`simdSubtreeHasher`);
   * without it each node is one `sha256` call. The verdict is the same either way.
   */
  subtrees?: SubtreeHasher;
  /**
   * Scans the lines `pushLines` finds in its memory (`wasmLineScanner`) before the JavaScript
   * scanner does; it is this verifier's own (the verifier keeps its `expected` prev). The
   * verdict is the same either way.
   */
  lineScanner?: WasmLineScanner;
}

/**
 * Fast path: where the top-level `hash` member sits in `line` if the line is what
 * `formatEventLine` writes, so that the line minus that member is the event's canonical JSON.
 * This saves re-canonicalising every event. It is sound because the bytes hashed here are also
 * the Merkle leaf bytes: if they hash to `hash`, they are the bytes the log's writer hashed, and
 * the writer hashes only canonical JSON — a forger's non-canonical spelling would change the
 * leaf and so the signed root. When the hash disagrees (e.g. the same JSON spelled differently)
 * the caller falls back to canonicalising the parsed event.
 */
function hashMemberAt(line: string, hash: string): number {
  const at = hashMemberIndex(line);
  if (at < 0 || !line.startsWith(hash, at + HASH_MEMBER.length)) return -1;
  return line.charCodeAt(at + HASH_MEMBER_LENGTH - 1) === 34 /* " */ ? at : -1;
}

const MEMBER_BYTES = Uint8Array.from(HASH_MEMBER, (c) => c.charCodeAt(0));

/** `hashMemberAt` on a line's UTF-8 bytes (the member is ASCII). */
function hashMemberAtBytes(bytes: Uint8Array, hash: string): number {
  search: for (let i = bytes.length - HASH_MEMBER_LENGTH; i >= 0; i--) {
    for (let j = 0; j < MEMBER_BYTES.length; j++)
      if (bytes[i + j] !== MEMBER_BYTES[j]) continue search;
    const value = i + MEMBER_BYTES.length;
    for (let j = 0; j < 64; j++) if (bytes[value + j] !== hash.charCodeAt(j)) return -1;
    return bytes[value + 64] === 34 /* " */ ? i : -1;
  }
  return -1;
}

/** Whether `bytes[at, at + 64)` are `expected`'s 64 bytes. */
function equalBytes(bytes: Uint8Array, at: number, expected: Uint8Array): boolean {
  for (let i = 0; i < 64; i++) if (bytes[at + i] !== expected[i]) return false;
  return true;
}

/** Whether `bytes[at, at + 64)` spell `hex` (64 characters). */
function equalsHex(bytes: Uint8Array, at: number, hex: string): boolean {
  for (let i = 0; i < 64; i++) if (bytes[at + i] !== hex.charCodeAt(i)) return false;
  return true;
}

/** Streaming verifier: `push` each line (without "\n"), then `finish`. */
export class AuditExportVerifier {
  private readonly sha: Sha256;
  private readonly jwks: Jwks | undefined;
  private readonly reader = new AuditExportReader(false);
  private readonly tree: CompactMerkleTree;
  private readonly subtrees: SubtreeHasher | null;
  private readonly lineScanner: WasmLineScanner | null;
  /** Leaves held by `subtrees` that are not in `tree` yet (the tree's size is a multiple of its batch). */
  private pending = 0;
  private readonly encoder = new TextEncoder();
  /** [0x00, ...event bytes]: the leaf-hash input, and from index 1 the chain-hash input. */
  private buffer = new Uint8Array(4096);
  private body = this.buffer.subarray(1);
  /** Views of `buffer` by event length: `body` the event's bytes, `leaf` 0x00 and them. */
  private views: ({ body: Uint8Array; leaf: Uint8Array } | undefined)[] = [];
  /** `prev` as ASCII bytes: what the next event's prev must be (the line scanner's, if any). */
  private readonly prevHex: Uint8Array;
  private events = 0;
  private lines = 0;
  private prev = GENESIS_PREV;
  /** The prev of the last accepted event and its line: to spot a second branch of the chain. */
  private lastPrev: string | null = null;
  private lastLine = 0;
  private readonly tenant: string | undefined;
  private readonly since: TrustedHead | undefined;
  private head: { jws: string; line: number; claimed: TrailerClaim | null } | null = null;
  private readonly decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  private failure: AuditVerifyFailure | null = null;

  constructor(options: AuditVerifyOptions = {}) {
    this.sha = options.sha256 ?? nobleSha256;
    this.jwks = options.jwks;
    this.tenant = options.tenant;
    this.since = options.since;
    this.tree = CompactMerkleTree.empty(this.sha);
    this.subtrees = options.subtrees ?? null;
    this.lineScanner = options.lineScanner ?? null;
    this.prevHex = this.lineScanner?.expected ?? new Uint8Array(64);
    this.encoder.encodeInto(GENESIS_PREV, this.prevHex);
  }

  /** A line whose bytes are not well-formed UTF-8 (`utf8Lines` gives null for it). */
  pushUndecodable(): boolean {
    if (this.failure !== null) return false;
    const record = this.reader.undecodable();
    this.lines = record.line;
    return this.malformed(this.events + 1, record.line, "not valid UTF-8");
  }

  /** Checks one more line; false once the export is known to be bad (later lines are ignored). */
  push(lineText: string): boolean {
    if (this.failure !== null) return false;
    const record = this.reader.read(lineText);
    this.lines = record.line;
    switch (record.kind) {
      case "invalid":
        return this.malformed(this.events + 1, record.line, record.problem);
      case "trailer":
        this.head = { jws: record.jws, line: record.line, claimed: record.claimed };
        return true;
      case "event":
        return this.checkEvent(record.event, lineText, record.line);
    }
  }

  /**
   * Checks one more line from its bytes (without "\n"); `text` is their UTF-8 decoding when the
   * caller already has it. A line as the log writes it is hashed from these bytes directly: the
   * bytes minus the `hash` member, once for the chain and once (after 0x00) for the leaf, with no
   * re-encoding and no re-canonicalising. Anything else takes the general path of `push`.
   */
  pushBytes(bytes: Uint8Array, text?: string): boolean {
    return this.pushLine(bytes, 0, bytes.length, text);
  }

  /**
   * Pushes each complete line of `bytes[start, limit)` (one that ends in "\n" before `limit`);
   * returns where the first incomplete line starts, or -1 once the export is known to be bad.
   * A line as the writer spells it is found and checked in one scan, with no search for its end.
   */
  pushLines(bytes: Uint8Array, start: number, limit: number): number {
    const wasm =
      this.lineScanner !== null && bytes === this.lineScanner.bytes ? this.lineScanner : null;
    let at = start;
    while (at < limit) {
      if (this.failure !== null) return -1;
      if (wasm !== null && wasm.read(at, limit) >= 0 && this.pushRead(wasm)) {
        at = wasm.line.end + 1;
        continue;
      }
      if (this.failure !== null) return -1; // taken, then refused by `since`
      const canonical = scanCanonicalEventLine(bytes, at, limit, true);
      if (canonical !== null && this.pushCanonical(bytes, at, canonical.end, canonical)) {
        at = canonical.end + 1;
        continue;
      }
      if (this.failure !== null) return -1; // taken, then refused by `since`
      const end = bytes.indexOf(0x0a, at);
      if (end < 0 || end >= limit) return at;
      if (!this.pushGeneral(bytes.subarray(at, end))) return -1;
      at = end + 1;
    }
    return at;
  }

  /** `pushBytes` of the line `bytes[start, end)`, without a view of it unless it needs one. */
  pushLine(bytes: Uint8Array, start: number, end: number, text?: string): boolean {
    if (this.failure !== null) return false;
    const canonical = scanCanonicalEventLine(bytes, start, end);
    if (canonical !== null && this.pushCanonical(bytes, start, end, canonical)) return true;
    // Taken, then refused by a check after it (`since`): the verdict stands, the line is done.
    if (this.failure !== null) return false;
    return this.pushGeneral(bytes.subarray(start, end), text);
  }

  private pushGeneral(bytes: Uint8Array, text?: string): boolean {
    if (text === undefined)
      try {
        text = this.decoder.decode(bytes);
      } catch {
        return this.pushUndecodable();
      }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return this.push(text);
    }
    const hash = (value as { hash?: unknown } | null)?.hash;
    if (typeof hash !== "string" || hash.length !== 64 || bytes[0] !== 0x7b /* { */)
      return this.push(text);
    const at = hashMemberAtBytes(bytes, hash);
    if (at < 0) return this.push(text);
    const length = bytes.length - HASH_MEMBER_LENGTH;
    this.reserveBytes(length);
    this.body.set(bytes.subarray(0, at));
    this.body.set(bytes.subarray(at + HASH_MEMBER_LENGTH), at);
    if (this.sha.hex(this.body.subarray(0, length)) !== hash) return this.push(text);
    // These bytes are the ones recorded under `hash`; their I-JSON rules held when written.
    const record = this.reader.read(text, { value }, false);
    this.lines = record.line;
    if (record.kind === "invalid")
      return this.malformed(this.events + 1, record.line, record.problem);
    if (record.kind === "trailer") {
      this.head = { jws: record.jws, line: record.line, claimed: record.claimed };
      return true;
    }
    return this.checkEvent(record.event, text, record.line, length);
  }

  /**
   * The fast path for a line as the writer spells it: seq, prev and hash are compared on the
   * bytes, with no string or object built. Only a line that passes every check is taken (true);
   * on false nothing was recorded and the general path checks the line and words the failure.
   * The event's bytes (the line minus its `hash` member) are copied after the buffer's 0x00 and
   * hashed through views kept per length: the chain hash from index 1, the leaf hash from 0.
   */
  private pushCanonical(
    bytes: Uint8Array,
    start: number,
    end: number,
    line: CanonicalEventLine,
  ): boolean {
    const seq = this.events + 1;
    if (line.seq !== seq || !equalBytes(bytes, line.prev, this.prevHex)) return false;
    const at = line.hashMember - start;
    const size = end - start;
    const length = size - HASH_MEMBER_LENGTH;
    this.reserveBytes(size);
    const { buffer } = this;
    buffer.set(start === 0 && end === bytes.length ? bytes : bytes.subarray(start, end), 1);
    buffer.copyWithin(1 + at, 1 + at + HASH_MEMBER_LENGTH, 1 + size);
    const views = this.views[length] ?? this.viewsOf(length);
    const hash = this.sha.hex(views.body);
    const recorded = line.hashMember + HASH_MEMBER.length;
    if (!equalsHex(bytes, recorded, hash)) return false;
    const lineNumber = this.reader.countEvent();
    if (lineNumber === null) return false;
    this.lines = lineNumber;
    for (let i = 0; i < 64; i++) this.prevHex[i] = bytes[recorded + i]!; // = hash
    return this.accept(seq, hash, lineNumber, views.leaf, true);
  }

  /**
   * `pushCanonical` of the line `scanner.read` just read (its prev already checked, its event's
   * bytes already copied).
   */
  private pushRead(scanner: WasmLineScanner): boolean {
    const { line } = scanner;
    const seq = this.events + 1;
    if (line.seq !== seq) return false;
    const views = scanner.views(line.length);
    const hash = this.sha.hex(views.body);
    const recorded = line.hashMember + HASH_MEMBER.length;
    if (!equalsHex(scanner.bytes, recorded, hash)) return false;
    const lineNumber = this.reader.countEvent();
    if (lineNumber === null) return false;
    this.lines = lineNumber;
    scanner.expect(recorded); // = hash
    return this.accept(seq, hash, lineNumber, views.leaf, true);
  }

  /** The body and leaf views of the buffer for an event of `length` bytes. */
  private viewsOf(length: number): { body: Uint8Array; leaf: Uint8Array } {
    const views = {
      body: this.body.subarray(0, length),
      leaf: this.buffer.subarray(0, 1 + length),
    };
    this.views[length] = views;
    return views;
  }

  /** `hashed`: the byte length of the event in the buffer, already matched to its hash. */
  private checkEvent(
    event: HashedAuditEvent,
    lineText: string,
    line: number,
    hashed = -1,
  ): boolean {
    const seq = this.events + 1;
    // This line continues from the same predecessor as the line before it: two events claim one
    // place in the chain. The earlier one is the line that does not belong (an insertion with a
    // valid hash), so it is the one reported, at its own seq.
    if (
      this.lastPrev !== null &&
      event.prev === this.lastPrev &&
      event.seq <= this.events &&
      event.hash !== this.prev // an exact repeat is the later line's fault (a seq gap)
    )
      return this.fail(
        this.events,
        this.lastLine,
        "forked-chain",
        `forked chain: line ${this.lastLine} (seq ${this.events}) and line ${line} both follow seq ${this.events - 1}; line ${this.lastLine} is not part of the log`,
      );
    if (event.seq !== seq)
      return this.fail(seq, line, "seq-gap", `seq gap: expected seq ${seq}, found ${event.seq}`);
    // prev and hash were read without format checks: equal to hex computed here means
    // well-formed, so the format is checked only when they differ.
    if (event.prev !== this.prev) {
      if (!isHex64(event.prev)) return this.malformed(seq, line, PREV_FORMAT);
      return this.fail(
        seq,
        line,
        "broken-prev",
        seq === 1
          ? "broken prev link: the first event's prev is not the genesis value"
          : `broken prev link: prev is not the hash of seq ${seq - 1}`,
      );
    }
    let length = hashed;
    if (length < 0) {
      const at = hashMemberAt(lineText, event.hash);
      length = at < 0 ? -1 : this.encodeWithout(lineText, at, HASH_MEMBER_LENGTH);
    }
    if (hashed < 0 && (length < 0 || this.sha.hex(this.body.subarray(0, length)) !== event.hash)) {
      if (!isHex64(event.hash)) return this.malformed(seq, line, HASH_FORMAT);
      let canonical: string;
      try {
        canonical = canonicalEventJson(event);
      } catch {
        return this.malformed(seq, line, "not canonicalisable");
      }
      length = this.encode(canonical);
      if (this.sha.hex(this.body.subarray(0, length)) !== event.hash)
        return this.fail(seq, line, "bad-hash", 'bad hash: the event does not hash to its "hash"');
    }
    return this.accept(seq, event.hash, line, this.buffer.subarray(0, 1 + length));
  }

  /**
   * Records a checked event; `leafInput` is 0x00 and its hashed bytes. `encoded`: `prevHex`
   * already holds `hash`.
   */
  private accept(
    seq: number,
    hash: string,
    line: number,
    leafInput: Uint8Array,
    encoded = false,
  ): boolean {
    this.appendLeaf(leafInput);
    if (!encoded) this.encoder.encodeInto(hash, this.prevHex);
    this.lastPrev = this.prev;
    this.lastLine = line;
    this.prev = hash;
    this.events = seq;
    if (this.since !== undefined && seq === this.since.size) return this.checkSince(line);
    return true;
  }

  /**
   * Hashes the leaf `input` (0x00 ‖ event bytes) into the tree, or into the batch of `subtrees`
   * while the tree's size allows a subtree.
   */
  private appendLeaf(input: Uint8Array): void {
    const batch = this.subtrees;
    const { sha } = this;
    if (batch === null || (this.pending === 0 && this.tree.size % batch.leaves !== 0))
      return this.tree.append(sha.digest(input));
    const index = this.pending++;
    if (sha.digestInto !== undefined) sha.digestInto(input, batch.bytes, batch.leafOffset(index));
    else batch.setLeaf(index, sha.digest(input));
    if (this.pending < batch.leaves) return;
    this.tree.appendSubtree(batch.root(), batch.height);
    this.pending = 0;
  }

  /** The Merkle root of the events so far: a partial batch is appended leaf by leaf first. */
  private root(): string {
    for (let i = 0; i < this.pending; i++) this.tree.append(this.subtrees!.leafAt(i));
    this.pending = 0;
    return toHex(this.tree.root());
  }

  /** At the trusted head's size, the tree must have the trusted root. */
  private checkSince(line: number): boolean {
    const root = this.root();
    if (root === this.since!.root) return true;
    return this.fail(
      1,
      line,
      "not-grown",
      `not an extension of the trusted head: events 1..${this.since!.size} give root ${root}, the trusted head has ${this.since!.root}`,
    );
  }

  private malformed(seq: number, line: number, problem: string): false {
    return this.fail(seq, line, "malformed-line", `malformed line ${line}: ${problem}`);
  }

  /** UTF-8 encodes `text` after the 0x00 leaf prefix; returns its byte length. */
  private encode(text: string): number {
    this.reserve(text.length);
    return this.encoder.encodeInto(text, this.body).written;
  }

  /** `encode` of `text` minus `cut` characters at `at`, without building that string. */
  private encodeWithout(text: string, at: number, cut: number): number {
    this.reserve(text.length);
    const head = this.encoder.encodeInto(text.slice(0, at), this.body).written;
    const tail = this.encoder.encodeInto(text.slice(at + cut), this.body.subarray(head)).written;
    return head + tail;
  }

  private reserve(chars: number): void {
    this.reserveBytes(chars * 3);
  }

  private reserveBytes(length: number): void {
    if (this.body.length >= length) return;
    this.buffer = new Uint8Array(1 + length);
    this.body = this.buffer.subarray(1);
    this.views = [];
  }

  private fail(seq: number, line: number, code: AuditFailureCode, reason: string): false {
    this.failure = { ok: false, seq, line, code, reason };
    return false;
  }

  /** Checks the signed head (signature against the JWKS when given) and returns the verdict. */
  async finish(): Promise<AuditVerifyResult> {
    if (this.failure !== null) return this.failure;
    const n = this.events;
    const root = this.root();
    if (this.since !== undefined && n < this.since.size)
      return {
        ok: false,
        seq: n + 1,
        line: this.lines + 1,
        code: "not-grown",
        reason: `the log shrank: the trusted head has ${this.since.size} events, this export ${n}`,
      };
    if (this.head === null)
      return {
        ok: false,
        seq: n + 1,
        line: this.lines + 1,
        code: "missing-signed-head",
        reason:
          "missing trailer: an export ends with its signed head; without one it may have been cut short",
      };
    const { jws, line, claimed } = this.head;
    const failAt = (seq: number, code: AuditFailureCode, reason: string): AuditVerifyFailure => ({
      ok: false,
      seq,
      line,
      code,
      reason,
    });
    let verified: { head: AuditHead; kid: string };
    if (this.jwks !== undefined) {
      const result = await verifySignedHead(jws, this.jwks);
      if (!result.ok)
        return failAt(
          n + 1,
          result.code,
          result.code === "malformed-signed-head"
            ? `malformed signed head: ${result.reason}`
            : result.reason,
        );
      verified = result;
    } else {
      const decoded = decodeSignedHead(jws);
      if (!decoded.ok)
        return failAt(n + 1, "malformed-signed-head", `malformed signed head: ${decoded.reason}`);
      verified = decoded;
    }
    const { head, kid } = verified;
    if (claimed !== null && (claimed.size !== head.size || claimed.root !== head.root))
      return failAt(
        n + 1,
        "malformed-signed-head",
        `malformed trailer: it states size ${claimed.size} and root ${claimed.root}, its signed head size ${head.size} and root ${head.root}`,
      );
    if (this.tenant !== undefined && head.tenant !== this.tenant)
      return failAt(
        Math.min(1, n),
        "wrong-tenant",
        `wrong tenant: the export is signed for tenant ${head.tenant}, not ${this.tenant}`,
      );
    if (head.size < n)
      return failAt(
        head.size + 1,
        "size-mismatch",
        `seq ${head.size + 1} is not covered by the signed root ${head.root} (signed head of size ${head.size}; the export has ${n} events)`,
      );
    if (head.size > n)
      return failAt(
        n + 1,
        "size-mismatch",
        `the signed head covers ${head.size} events but the export has ${n}`,
      );
    if (head.root !== root)
      return failAt(
        1,
        "root-mismatch",
        `root mismatch: events 1..${n} give root ${root}, the signed head signs ${head.root}`,
      );
    const signature = this.jwks !== undefined ? "verified" : "unchecked";
    return { ok: true, events: n, root, head: { ...head, kid, signature } };
  }
}

/** Verifies a whole export held in memory. */
export async function verifyAuditExport(
  text: string,
  options: AuditVerifyOptions = {},
): Promise<AuditVerifyResult> {
  // Through the bytes path: a line as the writer spells it is checked in one scan, not parsed.
  const verifier = new AuditExportVerifier(options);
  const bytes = new TextEncoder().encode(text);
  const rest = verifier.pushLines(bytes, 0, bytes.length);
  if (rest >= 0 && rest < bytes.length) verifier.pushLine(bytes, rest, bytes.length);
  return verifier.finish();
}

/** Verifies an export from its bytes: a line that is not well-formed UTF-8 fails too. */
export async function verifyAuditExportBytes(
  bytes: Uint8Array,
  options: AuditVerifyOptions = {},
): Promise<AuditVerifyResult> {
  const verifier = new AuditExportVerifier(options);
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    if (!verifier.pushLine(bytes, start, end)) break;
    start = end + 1;
  }
  return verifier.finish();
}
