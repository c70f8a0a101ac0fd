// Reports detection and false positives on one split (default: test), overall, per category and
// per language, as Markdown tables. Read-only: nothing here feeds back into training.
// `node scripts/injection/evaluate.mjs [test|val|train] [--misses]`
import { loadCorpus, loadScanner } from "./bundle.mjs";

const split = process.argv[2] ?? "test";
const showMisses = process.argv.includes("--misses");
const { analyzeInjection, DEFAULT_INJECTION_THRESHOLD: t } = await loadScanner();
const rows = loadCorpus({ includeTest: split === "test" })
  .filter((r) => r.split === split)
  .map((r) => ({ ...r, score: analyzeInjection(r.text).score }));
const pct = (a, b) => (b === 0 ? "–" : `${((100 * a) / b).toFixed(1)} %`);
function table(title, key) {
  const groups = new Map();
  for (const r of rows) {
    const k = key(r);
    if (!groups.has(k)) groups.set(k, { inj: 0, hit: 0, ben: 0, fp: 0 });
    const g = groups.get(k);
    if (r.label) {
      g.inj++;
      if (r.score >= t) g.hit++;
    } else {
      g.ben++;
      if (r.score >= t) g.fp++;
    }
  }
  console.log(
    `\n| ${title} | injections | detected | benign | false positives |\n|---|---|---|---|---|`,
  );
  for (const [k, g] of [...groups].sort())
    console.log(`| ${k} | ${g.inj} | ${pct(g.hit, g.inj)} | ${g.ben} | ${pct(g.fp, g.ben)} |`);
}
console.log(`split: ${split}, threshold ${t}, ${rows.length} texts`);
table("overall", () => "all");
table("category", (r) => r.category);
table("language", (r) => r.lang);
if (showMisses) {
  for (const r of rows.filter((r) => (r.label === 1) !== r.score >= t))
    console.log(
      `${r.label ? "MISS" : "FP  "} ${r.score} ${r.family} ${JSON.stringify(r.text.slice(0, 160))}`,
    );
}
