import { loadScanner } from "./bundle.mjs";
const { analyzeInjection } = await loadScanner();
for (const t of process.argv.slice(2)) {
  const s = analyzeInjection(t);
  console.log(s.score, JSON.stringify(s.findings.map((f) => [f.layer, f.rule, f.score])));
}
