import { fromBase64 } from "../../encoding";
import { BUCKETS, forEachFeature } from "./features";
import { MODEL } from "./weights";

let weights: Int8Array | null = null;

function table(): Int8Array {
  if (!weights) {
    const bytes = fromBase64(MODEL.weights);
    if (bytes.length !== BUCKETS) throw new Error("classifier weights do not match the hash size");
    weights = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  }
  return weights;
}

/**
 * Probability that `view` (a `classifierView` string) is a prompt injection: a logistic
 * regression over hashed n-grams, weights quantised to int8 (`scripts/injection/train.mjs`).
 */
export function classify(view: string): number {
  if (view.length === 0) return 0;
  const w = table();
  let sum = 0;
  let total = 0;
  forEachFeature(view, (b) => {
    sum += w[b]!;
    total++;
  });
  const z = MODEL.bias + (sum * MODEL.scale) / Math.sqrt(total);
  return 1 / (1 + Math.exp(-z));
}
