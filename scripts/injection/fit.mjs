// The training procedure shared by train.mjs (the shipped model) and cv.mjs (model selection):
// weighted logistic regression over hashed features, AdaGrad, a seeded shuffle (deterministic:
// the same corpus gives the same weights), then int8 quantisation.

/** Options; every default is the one cv.mjs selected. Override with env vars of the same name. */
export const FIT_DEFAULTS = {
  EPOCHS: 10,
  L2: 1e-5,
  RATE: 0.1,
  /** Text weight ∝ family size^-FAMILY_POWER: 0 = every text equal, 1 = every family equal. */
  FAMILY_POWER: 0.5,
  /** Probability of dropping each n-gram feature of a text in each epoch (0 = none). */
  DROPOUT: 0.2,
};

export function fitOptions(env = process.env) {
  const out = { ...FIT_DEFAULTS };
  for (const k of Object.keys(out)) if (env[k] !== undefined) out[k] = Number(env[k]);
  return out;
}

/** An encoded variant ("fam+base64") belongs to its source family. */
export const familyOf = (row) => row.family.replace(/\+.*$/, "");

/** Encoded injections are read by the decoding layer; the model learns from what they decode to. */
export const trainable = (row) => row.category !== "encoded";

const mulberry32 = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/**
 * Per-text weights: each label weighs half in total; within a label, each language's texts
 * weigh the same as its other label's (so a script is no evidence), and a big family counts
 * less per text (FAMILY_POWER).
 */
export function textWeights(rows, { FAMILY_POWER }) {
  // The legacy fixtures are one file of texts written one by one, not one template's variants.
  const key = (r) => (r.family.startsWith("legacy-") ? r.id : familyOf(r));
  const famSize = new Map();
  for (const r of rows) famSize.set(key(r), (famSize.get(key(r)) ?? 0) + 1);
  const raw = rows.map((r) => famSize.get(key(r)) ** -FAMILY_POWER);
  const byLangLabel = new Map();
  for (const [i, r] of rows.entries()) {
    const k = `${r.lang}/${r.label}`;
    byLangLabel.set(k, (byLangLabel.get(k) ?? 0) + raw[i]);
  }
  const lang = rows.map((r) => {
    const mine = byLangLabel.get(`${r.lang}/${r.label}`);
    const other = byLangLabel.get(`${r.lang}/${1 - r.label}`) ?? 0;
    return other === 0 ? 1 : Math.min(4, Math.max(0.25, (mine + other) / (2 * mine)));
  });
  const w = rows.map((_, i) => raw[i] * lang[i]);
  const total = { 0: 0, 1: 0 };
  rows.forEach((r, i) => (total[r.label] += w[i]));
  return rows.map((r, i) => (w[i] * rows.length) / (2 * total[r.label]));
}

/**
 * Fits the model on `examples` ({x: [[bucket, value]], y, w, dense?}) where `dense[k]` marks
 * features dropout may not touch (pattern and concept features count once each). Returns the
 * float weights and bias.
 */
export function fit(examples, buckets, opts, seed = 42) {
  const { EPOCHS, L2, RATE, DROPOUT } = opts;
  const w = new Float64Array(buckets);
  const g2 = new Float64Array(buckets).fill(1e-8);
  let bias = 0;
  let bias2 = 1e-8;
  const rand = mulberry32(seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order) {
      const { x, y, w: weight } = examples[i];
      const keep = DROPOUT > 0 ? x.map(() => rand() >= DROPOUT) : null;
      let z = bias;
      for (let k = 0; k < x.length; k++) if (!keep || keep[k]) z += w[x[k][0]] * x[k][1];
      const p = 1 / (1 + Math.exp(-z));
      const g = weight * (p - y);
      for (let k = 0; k < x.length; k++) {
        if (keep && !keep[k]) continue;
        const [b, v] = x[k];
        const grad = g * v + L2 * w[b];
        g2[b] += grad * grad;
        w[b] -= (RATE * grad) / Math.sqrt(g2[b]);
      }
      bias2 += g * g;
      bias -= (RATE * g) / Math.sqrt(bias2);
    }
  }
  return { w, bias };
}

/** The shipped form: int8 weights scaled by `scale`, base64. */
export function quantise({ w, bias }, threshold = 0.5) {
  let max = 0;
  for (const v of w) max = Math.max(max, Math.abs(v));
  const scale = max / 127;
  const q = new Int8Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.round(w[i] / scale);
  return { bias, scale, threshold, weights: Buffer.from(q.buffer).toString("base64") };
}

/** The lowest score (≥ 0.5) at which at most `targetFp` of `benignScores` reach it. */
export function thresholdFor(benignScores, targetFp) {
  const benign = [...benignScores].sort((a, b) => b - a);
  const allowed = Math.floor(benign.length * targetFp);
  return Math.max(0.5, Math.round(((benign[allowed] ?? 0) + 0.001) * 1000) / 1000);
}
