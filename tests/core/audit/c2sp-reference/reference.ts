/**
 * An independent, minimal C2SP implementation written from the specs (signed-note,
 * tlog-checkpoint, tlog-cosignature, tlog-proof) for interoperability tests. It shares no code
 * with core/audit: its own base64, key IDs, note parsing, Ed25519 calls and Merkle maths.
 */
const te = new TextEncoder();

export function b64decode(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function b64encode(b: Uint8Array): string {
  return btoa(Array.from(b, (x) => String.fromCharCode(x)).join(""));
}

async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", new Uint8Array(data)));
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export async function refKeyId(name: string, type: number, pub: Uint8Array): Promise<number> {
  const h = await sha256(concat(te.encode(name), Uint8Array.of(0x0a, type), pub));
  return new DataView(h.buffer).getUint32(0);
}

export interface RefKey {
  name: string;
  id: number;
  type: number;
  pub: Uint8Array;
}

export async function refParseVkey(vkey: string): Promise<RefKey> {
  const [name, hex, ...keyParts] = vkey.split("+");
  const b64 = keyParts.join("+");
  if (!name || !hex || !b64) throw new Error("bad vkey");
  const raw = b64decode(b64);
  const key = { name, id: parseInt(hex, 16), type: raw[0]!, pub: raw.slice(1) };
  if ((await refKeyId(name, key.type, key.pub)) !== key.id) throw new Error("vkey id mismatch");
  return key;
}

async function edVerify(pub: Uint8Array, msg: Uint8Array, sig: Uint8Array): Promise<boolean> {
  const k = await crypto.subtle.importKey("raw", new Uint8Array(pub), "Ed25519", false, ["verify"]);
  return crypto.subtle.verify("Ed25519", k, new Uint8Array(sig), new Uint8Array(msg));
}

/** Returns the names of known keys whose signatures verify; throws on a bad known signature. */
export async function refOpenNote(note: string, keys: RefKey[]): Promise<string[]> {
  const cut = note.lastIndexOf("\n\n");
  const text = note.slice(0, cut + 1);
  const sigLines = note
    .slice(cut + 2)
    .split("\n")
    .filter(Boolean);
  const ok: string[] = [];
  for (const line of sigLines) {
    if (!line.startsWith("\u2014 ")) throw new Error("bad sig line");
    const [name, b64] = line.slice(2).split(" ");
    const raw = b64decode(b64!);
    const id = new DataView(raw.buffer).getUint32(0);
    const key = keys.find((k) => k.name === name && k.id === id);
    if (!key) continue;
    let good: boolean;
    if (key.type === 0x01) good = await edVerify(key.pub, te.encode(text), raw.slice(4));
    else if (key.type === 0x04) {
      const ts = new DataView(raw.buffer).getBigUint64(4);
      const msg = te.encode(`cosignature/v1\ntime ${ts}\n${text}`);
      good = await edVerify(key.pub, msg, raw.slice(12));
    } else good = false;
    if (!good) throw new Error(`bad signature from ${name}`);
    ok.push(name!);
  }
  return ok;
}

const PKCS8 = [
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
];

/** Signs a note text with an Ed25519 seed (type 0x01), returning [signature line, vkey]. */
export async function refSign(
  name: string,
  seed: Uint8Array,
  text: string,
): Promise<[string, string]> {
  const k = await crypto.subtle.importKey(
    "pkcs8",
    concat(Uint8Array.from(PKCS8), seed),
    "Ed25519",
    true,
    ["sign"],
  );
  const jwk = (await crypto.subtle.exportKey("jwk", k)) as { x: string };
  const pub = b64decode(jwk.x.replace(/-/g, "+").replace(/_/g, "/") + "=");
  const id = await refKeyId(name, 0x01, pub);
  const sig = new Uint8Array(await crypto.subtle.sign("Ed25519", k, te.encode(text)));
  const idBytes = new Uint8Array(4);
  new DataView(idBytes.buffer).setUint32(0, id);
  const vkey = `${name}+${id.toString(16).padStart(8, "0")}+${b64encode(concat(Uint8Array.of(1), pub))}`;
  return [`\u2014 ${name} ${b64encode(concat(idBytes, sig))}\n`, vkey];
}

/** RFC 6962 root from an audit path, by the recursive definition of the tree. */
export async function refRootFromPath(
  index: number,
  size: number,
  leaf: Uint8Array,
  path: Uint8Array[],
): Promise<Uint8Array> {
  const node = async (l: Uint8Array, r: Uint8Array) => sha256(concat(Uint8Array.of(1), l, r));
  const walk = async (m: number, n: number, p: Uint8Array[]): Promise<Uint8Array> => {
    if (n === 1) {
      if (p.length) throw new Error("path too long");
      return leaf;
    }
    let k = 1;
    while (k * 2 < n) k *= 2;
    const top = p[p.length - 1];
    if (!top) throw new Error("path too short");
    const rest = p.slice(0, -1);
    return m < k ? node(await walk(m, k, rest), top) : node(top, await walk(m - k, n - k, rest));
  };
  return walk(index, size, path);
}

export async function refLeafHash(data: Uint8Array): Promise<Uint8Array> {
  return sha256(concat(Uint8Array.of(0), data));
}

/** Verifies a .tlog-proof; returns the proof's index and the checkpoint's size. */
export async function refVerifyTlogProof(
  file: string,
  logKey: RefKey,
  witnessKeys: RefKey[],
  minWitnesses: number,
): Promise<{ index: number; size: number }> {
  const [head, ...noteParts] = file.split("\n\n");
  const note = noteParts.join("\n\n");
  const lines = head!.split("\n");
  if (lines[0] !== "c2sp.org/tlog-proof@v1") throw new Error("not a tlog-proof");
  let i = 1;
  let extra: Uint8Array | undefined;
  if (lines[i]!.startsWith("extra ")) extra = b64decode(lines[i++]!.slice(6));
  const index = Number(lines[i++]!.slice("index ".length));
  const path = lines.slice(i).map(b64decode);
  const [origin, sizeLine, rootLine] = note.split("\n");
  if (origin !== logKey.name) throw new Error("origin");
  if (!(await refOpenNote(note, [logKey])).includes(logKey.name)) throw new Error("log sig");
  const w = await refOpenNote(note, witnessKeys).catch(() => [] as string[]);
  if (new Set(w).size < minWitnesses) throw new Error("witness quorum");
  const size = Number(sizeLine);
  const root = await refRootFromPath(index, size, await refLeafHash(extra!), path);
  if (b64encode(root) !== rootLine) throw new Error("inclusion");
  return { index, size };
}
