/**
 * An independent C2SP tlog-tiles client, written from c2sp.org/tlog-tiles, tlog-checkpoint and
 * signed-note (and RFC 6962 for the tree), sharing no code with core/audit. It fetches a log's
 * checkpoint and hash tiles over HTTP with WebCrypto, the way a monitor would.
 */
type Fetch = (url: string) => Promise<Response>;

const enc = new TextEncoder();

async function sha256(...parts: Uint8Array[]): Promise<Uint8Array> {
  const length = parts.reduce((n, p) => n + p.length, 0);
  const all = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return new Uint8Array(await crypto.subtle.digest("SHA-256", all));
}

const b64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");

export const leafHash = (entry: Uint8Array) => sha256(Uint8Array.of(0), entry);
const nodeHash = (l: Uint8Array, r: Uint8Array) => sha256(Uint8Array.of(1), l, r);

export interface ReadCheckpoint {
  origin: string;
  size: number;
  root: Uint8Array;
}

/**
 * Parses a checkpoint note and checks its Ed25519 signature against `vkey`
 * (`<name>+<hex key id>+<base64(0x01 ‖ public key)>`).
 */
export async function readCheckpoint(note: string, vkey: string): Promise<ReadCheckpoint> {
  const split = note.indexOf("\n\n");
  if (split < 0) throw new Error("no blank line before the signatures");
  const text = note.slice(0, split + 1);
  const [origin, sizeLine, rootLine] = text.split("\n");
  if (!/^[1-9][0-9]*$|^0$/.test(sizeLine ?? "")) throw new Error("bad size line");
  // The base64 key may itself contain "+": only the first two are separators.
  const [name, keyIdHex, ...rest] = vkey.split("+");
  const key = b64(rest.join("+"));
  if (key[0] !== 0x01 || key.length !== 33) throw new Error("not an Ed25519 vkey");
  const keyId = (await sha256(enc.encode(name!), Uint8Array.of(0x0a), key)).subarray(0, 4);
  if (hex(keyId) !== keyIdHex) throw new Error("key id does not match the key");
  const publicKey = await crypto.subtle.importKey("raw", key.subarray(1), "Ed25519", false, [
    "verify",
  ]);
  let verified = false;
  for (const line of note.slice(split + 2).split("\n")) {
    const m = /^\u2014 (\S+) (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const sig = b64(m[2]!);
    if (hex(sig.subarray(0, 4)) !== keyIdHex) continue;
    verified ||= await crypto.subtle.verify(
      "Ed25519",
      publicKey,
      sig.subarray(4),
      enc.encode(text),
    );
  }
  if (!verified) throw new Error("no valid signature by the log key");
  return { origin: origin!, size: Number(sizeLine), root: b64(rootLine!) };
}

/** `tile/<L>/<N>[.p/<W>]` with N in x-prefixed three-digit groups. */
export function tileUrlPath(level: number, index: number, width: number): string {
  let n = String(index);
  while (n.length % 3 !== 0) n = `0${n}`;
  const groups = n.match(/.../g)!;
  const path = groups.map((g, i) => (i === groups.length - 1 ? g : `x${g}`)).join("/");
  return `tile/${level}/${path}${width === 256 ? "" : `.p/${width}`}`;
}

/** Reads hash tiles of a log at `base` (the URL prefix) for a tree of `size` leaves. */
export class TileReader {
  readonly fetched: string[] = [];
  private readonly tiles = new Map<string, Uint8Array>();

  constructor(
    private readonly fetch: Fetch,
    private readonly base: string,
    private readonly size: number,
  ) {}

  /** Hashes stored at tree level 8·L, node i (fetching its tile, full or partial). */
  async stored(level: number, i: number): Promise<Uint8Array> {
    const index = Math.floor(i / 256);
    const nodes = Math.floor(this.size / 256 ** level);
    const width = Math.min(256, nodes - index * 256);
    if (width <= i % 256) throw new Error(`node ${level}/${i} is beyond the tree`);
    const path = tileUrlPath(level, index, width);
    let tile = this.tiles.get(path);
    if (!tile) {
      const res = await this.fetch(`${this.base}/${path}`);
      if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
      tile = new Uint8Array(await res.arrayBuffer());
      if (tile.length !== width * 32) throw new Error(`${path}: ${tile.length} bytes`);
      this.tiles.set(path, tile);
      this.fetched.push(path);
    }
    return tile.slice((i % 256) * 32, (i % 256) * 32 + 32);
  }

  /**
   * MTH(D[start:end]) (RFC 6962 §2.1): an aligned block of 256^L leaves is one stored hash at
   * level L; anything else splits at the largest power of two below its size.
   */
  async hash(start: number, end: number): Promise<Uint8Array> {
    const n = end - start;
    for (let level = 2; level >= 0; level--) {
      const block = 256 ** level;
      if (n === block && start % block === 0) return this.stored(level, start / block);
    }
    if (n === 1) throw new Error("unreachable");
    let k = 1;
    while (k * 2 < n) k *= 2;
    return nodeHash(await this.hash(start, start + k), await this.hash(start + k, end));
  }

  /** RFC 6962 §2.1.1 PATH(m, D[0:size]). */
  async inclusionPath(m: number, start = 0, end = this.size): Promise<Uint8Array[]> {
    const n = end - start;
    if (n === 1) return [];
    let k = 1;
    while (k * 2 < n) k *= 2;
    return m < k
      ? [...(await this.inclusionPath(m, start, start + k)), await this.hash(start + k, end)]
      : [...(await this.inclusionPath(m - k, start + k, end)), await this.hash(start, start + k)];
  }

  /** RFC 6962 §2.1.2 PROOF(m, D[0:size]) = SUBPROOF(m, D[0:size], true). */
  async consistencyPath(
    m: number,
    start = 0,
    end = this.size,
    whole = true,
  ): Promise<Uint8Array[]> {
    const n = end - start;
    if (m === n) return whole ? [] : [await this.hash(start, end)];
    let k = 1;
    while (k * 2 < n) k *= 2;
    return m <= k
      ? [
          ...(await this.consistencyPath(m, start, start + k, whole)),
          await this.hash(start + k, end),
        ]
      : [
          ...(await this.consistencyPath(m - k, start + k, end, false)),
          await this.hash(start, start + k),
        ];
  }
}

/** RFC 9162 §2.1.3.2, recomputing the root from a leaf and its path. */
export async function rootFromInclusion(
  index: number,
  size: number,
  leaf: Uint8Array,
  path: Uint8Array[],
): Promise<Uint8Array> {
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else r = await nodeHash(r, p);
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return r;
}

/**
 * RFC 9162 §2.1.4.2: whether `path` proves the tree of `m` leaves with root `oldRoot` is a
 * prefix of the tree of `n` leaves with root `newRoot`.
 */
export async function verifyConsistency(
  m: number,
  n: number,
  oldRoot: Uint8Array,
  newRoot: Uint8Array,
  path: Uint8Array[],
): Promise<boolean> {
  if (m === n) return path.length === 0 && hex(oldRoot) === hex(newRoot);
  if (m < 1 || m > n || path.length === 0) return false;
  const proof = (m & (m - 1)) === 0 ? [oldRoot, ...path] : [...path];
  let fn = m - 1;
  let sn = n - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = proof[0]!;
  let sr = proof[0]!;
  for (const c of proof.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = await nodeHash(c, fr);
      sr = await nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else sr = await nodeHash(sr, c);
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && hex(fr) === hex(oldRoot) && hex(sr) === hex(newRoot);
}

export { hex as toHexString };
