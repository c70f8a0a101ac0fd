// Harvests a second, disjoint set of REAL benign excerpts for the fresh test split: Debian
// package docs (READMEs, NEWS, changelog.Debian) and man pages not used by harvest.mjs.
// `node scripts/injection/harvest-fresh.mjs`; the output is committed.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";

const DIR = "tests/fixtures/injection/corpus";
const used = new Set(
  readFileSync(`${DIR}/harvested.jsonl`, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l).source),
);
let seed = 99;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (arr, n) => [...arr].sort(() => rand() - 0.5).slice(0, n);
const read = (f) => {
  const raw = readFileSync(f);
  return (f.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8");
};
const paragraphs = (text, min = 100, max = 600) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/[ \t]+/g, " ").trim())
    .filter((p) => p.length >= min && p.length <= max);
function licence(pkg) {
  const f = `/usr/share/doc/${pkg}/copyright`;
  if (!existsSync(f)) return "see package copyright";
  return /^License:\s*(.+)$/m.exec(readFileSync(f, "utf8"))?.[1].trim() ?? "see package copyright";
}
const out = [];
for (const pkg of pick(readdirSync("/usr/share/doc"), 400)) {
  const dir = `/usr/share/doc/${pkg}`;
  let files;
  try {
    files = readdirSync(dir);
  } catch {
    continue;
  }
  for (const f of files) {
    const kind = /^changelog\.Debian/.test(f)
      ? "changelog"
      : /^(README|NEWS)/i.test(f)
        ? "docs"
        : null;
    const file = join(dir, f);
    if (!kind || used.has(file) || !statSync(file).isFile()) continue;
    let text;
    try {
      text = read(file);
    } catch {
      continue;
    }
    for (const p of pick(paragraphs(text), kind === "changelog" ? 1 : 2))
      out.push({ text: p, lang: "en", kind, source: file, package: pkg, licence: licence(pkg) });
  }
  if (out.length > 260) break;
}
for (const lang of ["de", "fr", "es", "it", "pt", "ru", "ja", "zh_CN"]) {
  const base = `/usr/share/man/${lang}/man1`;
  if (!existsSync(base)) continue;
  const files = readdirSync(base)
    .map((f) => join(base, f))
    .filter((f) => !used.has(f));
  for (const file of pick(files, 8)) {
    let src;
    try {
      src = read(file);
    } catch {
      continue;
    }
    const text = src
      .split("\n")
      .filter((l) => !l.startsWith("."))
      .join("\n")
      .replace(/\\f[BIRP]|\\-|\\&|\\\(..|\\e/g, "");
    const l = lang === "zh_CN" ? "zh" : lang;
    for (const p of pick(paragraphs(text, 80, 500), 2))
      out.push({
        text: p,
        lang: l,
        kind: "multilingual_docs",
        source: file,
        package: `man-${l}`,
        licence: "see /usr/share/doc/<package>/copyright",
      });
  }
}
writeFileSync(`${DIR}/harvest-fresh.jsonl`, out.map((o) => JSON.stringify(o)).join("\n") + "\n");
console.log(out.length);
