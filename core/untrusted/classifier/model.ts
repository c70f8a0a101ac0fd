import { BUCKETS, conceptScale, forEachFeature } from "./features";
import { MODEL } from "./weights";

let weights: Int8Array | null = null;
// The training scripts swap the model in place (scripts/injection/bundle.mjs): decode again then.
let decodedFrom: string | null = null;

function table(): Int8Array {
  if (!weights || decodedFrom !== MODEL.weights) {
    const bin = atob(MODEL.weights);
    if (bin.length !== BUCKETS) throw new Error("classifier weights do not match the hash size");
    const w = new Int8Array(BUCKETS);
    for (let i = 0; i < BUCKETS; i++) w[i] = bin.charCodeAt(i);
    weights = w;
    decodedFrom = MODEL.weights;
  }
  return weights;
}

/**
 * Probability that `view` (a `classifierView` string) is a prompt injection: a logistic
 * regression over hashed n-grams, the pattern findings in the window (`hits`, see
 * `hitBucket`) and its concept features (`concepts`, see concepts.ts), weights quantised to int8 (`scripts/injection/train.mjs`).
 */
export function classify(
  view: string,
  hits: readonly number[] = [],
  concepts: readonly number[] = [],
): number {
  if (view.length === 0) return 0;
  const w = table();
  let hitSum = 0;
  for (const b of hits) hitSum += w[b]!;
  let conceptSum = 0;
  for (const b of concepts) conceptSum += w[b]!;
  hitSum += conceptSum * conceptScale(concepts.length);
  let sum = 0;
  let total = 0;
  forEachFeature(view, (b) => {
    sum += w[b]!;
    total++;
  });
  const z = MODEL.bias + MODEL.scale * (sum / Math.sqrt(total) + hitSum);
  return 1 / (1 + Math.exp(-z));
}
