// Grouped k-fold cross-validation over the TRAIN split: a family (with its encoded variants) is
// never in two folds, so each fold's model is scored by the full scanner on families it has
// never seen. The main model-selection metric (validation only sets the final threshold; the
// test split is never read). Reports detection at the threshold that gives TARGET_FP false
// positives on the pooled out-of-fold benign texts, per category and per language.
// `node scripts/injection/cv.mjs` (K=5; fit options as env vars, see FIT_DEFAULTS in fit.mjs)
import { loadCorpus, loadScanner, setModel } from "./bundle.mjs";
import {
  familyOf,
  fit,
  fitOptions,
  quantise,
  textWeights,
  thresholdFor,
  trainable,
} from "./fit.mjs";

const K = Number(process.env.K ?? 5);
const TARGET_FP = 0.025;
const started = process.cpuUsage();
const opts = fitOptions();
const scanner = await loadScanner({ swappable: true });
const rows = loadCorpus().filter((r) => r.split === "train");

// Folds: families by size, largest first, each to the fold with the fewest texts of its label.
const families = new Map();
for (const r of rows) {
  const f = familyOf(r);
  if (!families.has(f)) families.set(f, []);
  families.get(f).push(r);
}
const load = Array.from({ length: K }, () => [0, 0]);
const foldOf = new Map();
for (const [name, members] of [...families].sort(
  (a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1),
)) {
  const label = members[0].label;
  let best = 0;
  for (let k = 1; k < K; k++) if (load[k][label] < load[best][label]) best = k;
  foldOf.set(name, best);
  load[best][label] += members.length;
}

const features = rows.map((r) => (trainable(r) ? [...scanner.trainingFeatures(r.text)] : null));
const scores = new Array(rows.length);
for (let k = 0; k < K; k++) {
  const inFold = (i) => foldOf.get(familyOf(rows[i])) === k;
  const trainIdx = rows.map((_, i) => i).filter((i) => !inFold(i) && features[i]);
  const weights = textWeights(
    trainIdx.map((i) => rows[i]),
    opts,
  );
  const examples = trainIdx.map((i, j) => ({ x: features[i], y: rows[i].label, w: weights[j] }));
  setModel(quantise(fit(examples, scanner.BUCKETS, opts)));
  rows.forEach((r, i) => {
    if (inFold(i)) scores[i] = scanner.analyzeInjection(r.text).score;
  });
}

const threshold = thresholdFor(
  rows.filter((r) => r.label === 0).map((r, _, __) => scores[rows.indexOf(r)]),
  TARGET_FP,
);
const pct = (a, b) => (b === 0 ? "–" : `${((100 * a) / b).toFixed(1)} %`);
const summary = {};
function table(title, key) {
  const groups = new Map();
  rows.forEach((r, i) => {
    const k = key(r);
    if (!groups.has(k)) groups.set(k, { inj: 0, hit: 0, ben: 0, fp: 0 });
    const g = groups.get(k);
    const flagged = scores[i] >= threshold;
    if (r.label) (g.inj++, (g.hit += flagged));
    else (g.ben++, (g.fp += flagged));
  });
  console.log(
    `\n| ${title} | injections | detected | benign | false positives |\n|---|---|---|---|---|`,
  );
  let worst = 1;
  for (const [k, g] of [...groups].sort()) {
    console.log(`| ${k} | ${g.inj} | ${pct(g.hit, g.inj)} | ${g.ben} | ${pct(g.fp, g.ben)} |`);
    if (g.inj >= 20) worst = Math.min(worst, g.hit / g.inj);
    if (title === "overall") Object.assign(summary, { det: g.hit / g.inj, fp: g.fp / g.ben });
  }
  summary[`worst_${title}`] = worst;
}
console.log(`${K}-fold grouped CV on train (${families.size} families), threshold ${threshold}`);
table("overall", () => "all");
table("category", (r) => r.category);
table("language", (r) => r.lang);
// Threshold-free: the probability a random injection outscores a random benign text.
const pos = scores.filter((_, i) => rows[i].label === 1).sort((a, b) => a - b);
const neg = scores.filter((_, i) => rows[i].label === 0).sort((a, b) => a - b);
let below = 0;
let j = 0;
for (const p of pos) {
  while (j < neg.length && neg[j] < p) j++;
  below += j;
}
summary.auc = below / (pos.length * neg.length);
const cpu = process.cpuUsage(started);
console.log(
  `\nCV ${JSON.stringify({ opts, threshold, ...Object.fromEntries(Object.entries(summary).map(([k, v]) => [k, Math.round(v * 1000) / 1000])) })} (${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU)`,
);
