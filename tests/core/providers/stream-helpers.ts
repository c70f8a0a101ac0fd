/** Helpers that replay fixture bytes as a stream split at chosen or random boundaries. */

export const utf8Bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Splits `bytes` into consecutive slices of the given sizes (the last slice takes the rest). */
export function splitAt(bytes: Uint8Array, sizes: readonly number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= bytes.length) break;
    out.push(bytes.slice(at, at + size));
    at += size;
  }
  if (at < bytes.length) out.push(bytes.slice(at));
  return out;
}

export function splitEvery(bytes: Uint8Array, size: number): Uint8Array[] {
  return splitAt(
    bytes,
    Array.from({ length: Math.ceil(bytes.length / size) }, () => size),
  );
}

/** mulberry32: a tiny seeded PRNG so random splits are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random slices of 1 to `max` bytes. */
export function splitRandomly(bytes: Uint8Array, seed: number, max = 64): Uint8Array[] {
  const random = seededRandom(seed);
  const sizes: number[] = [];
  for (let total = 0; total < bytes.length;) {
    const size = 1 + Math.floor(random() * max);
    sizes.push(size);
    total += size;
  }
  return splitAt(bytes, sizes);
}

export function streamOf(chunks: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[i++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(chunk);
    },
  });
}

/** Rewrites LF line endings (the fixtures' own) as CRLF or bare CR. */
export function withLineEnding(text: string, ending: "\n" | "\r\n" | "\r"): string {
  return text.replace(/\n/g, ending);
}

/** The chunkings every stream fixture is replayed with. */
export function chunkings(text: string): { name: string; chunks: Uint8Array[] }[] {
  const bytes = utf8Bytes(text);
  return [
    { name: "one chunk", chunks: [bytes] },
    { name: "1-byte chunks", chunks: splitEvery(bytes, 1) },
    { name: "2-byte chunks", chunks: splitEvery(bytes, 2) },
    { name: "7-byte chunks", chunks: splitEvery(bytes, 7) },
    ...[1, 2, 3, 42, 1337].map((seed) => ({
      name: `random chunks (seed ${seed})`,
      chunks: splitRandomly(bytes, seed),
    })),
  ];
}

/** The fixture under every line ending and every chunking. */
export function variants(text: string): { name: string; chunks: Uint8Array[] }[] {
  return (["\n", "\r\n", "\r"] as const).flatMap((ending) =>
    chunkings(withLineEnding(text, ending)).map((c) => ({
      name: `${JSON.stringify(ending)} line endings, ${c.name}`,
      chunks: c.chunks,
    })),
  );
}
