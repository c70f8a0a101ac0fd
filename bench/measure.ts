/** Benchmark helpers shared by bench/node and bench/worker files (printed as BENCH lines). */
export interface BenchResult {
  name: string;
  median: number;
  p95: number;
  unit: "µs" | "ms" | "s" | "µs/KiB" | "events/s" | "KiB";
  budget: string;
  samples: number;
}

export function summarize(samplesMs: number[]): { medianMs: number; p95Ms: number } {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { medianMs: at(0.5), p95Ms: at(0.95) };
}

/** Times `fn` `iterations` times after `warmup` runs; returns per-call samples in ms. */
export async function sample(
  fn: () => unknown | Promise<unknown>,
  iterations: number,
  warmup = Math.min(50, iterations),
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/**
 * Times a synchronous function in batches (timer resolution in workerd is coarse), returning
 * per-call samples in ms.
 */
export function sampleBatched(fn: () => unknown, batches: number, perBatch: number): number[] {
  for (let i = 0; i < perBatch; i++) fn();
  const out: number[] = [];
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    for (let i = 0; i < perBatch; i++) fn();
    out.push((performance.now() - t0) / perBatch);
  }
  return out;
}

export function report(result: BenchResult): void {
  console.log(`BENCH ${JSON.stringify(result)}`);
}
