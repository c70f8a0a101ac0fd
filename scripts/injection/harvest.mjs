// Harvests short excerpts of REAL benign text from this machine (man pages in many languages,
// package READMEs, changelogs and source comments in node_modules) for the injection corpus.
// Run once: `node scripts/injection/harvest.mjs`; the output is committed, since another machine
// has other files. Every excerpt records its path and licence.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";

const OUT = "tests/fixtures/injection/corpus/harvested.jsonl";
const out = [];
let seed = 7;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (arr, n) => {
  const copy = [...arr];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
};

function paragraphs(text, min = 120, max = 700) {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/[ \t]+/g, " ").trim())
    .filter((p) => p.length >= min && p.length <= max * 2)
    .map((p) => (p.length > max ? p.slice(0, p.lastIndexOf(" ", max)) : p));
}

function troffToText(src) {
  return src
    .split("\n")
    .filter((l) => !l.startsWith('.\\"') && !l.startsWith("'\\\""))
    .map((l) =>
      l.startsWith(".")
        ? /^\.(SH|SS|PP|P|LP|TP|IP|br|sp)\b/.test(l)
          ? ""
          : l.replace(/^\.[A-Za-z]+\s*/, "")
        : l,
    )
    .join("\n")
    .replace(/\\f[BIRP]|\\f\(..|\\\(..|\\&|\\-|\\e|\\s[-+]?\d/g, (m) =>
      m === "\\-" ? "-" : m === "\\e" ? "\\" : "",
    )
    .replace(/\\\*\(..|\\\*./g, "")
    .replace(/"/g, '"');
}

const pkgCache = new Map();
function debPackageOf(path) {
  try {
    return execFileSync("dpkg", ["-S", path], { encoding: "utf8" }).split(":")[0].trim();
  } catch {
    return null;
  }
}
function debLicence(pkg) {
  if (pkgCache.has(pkg)) return pkgCache.get(pkg);
  let lic = "see copyright file";
  const file = `/usr/share/doc/${pkg}/copyright`;
  if (existsSync(file)) {
    const m = /^License:\s*(.+)$/m.exec(readFileSync(file, "utf8"));
    if (m) lic = m[1].trim();
  }
  const value = { licence: lic, copyright: file };
  pkgCache.set(pkg, value);
  return value;
}

// Man pages: per language, a sample of pages, up to 2 excerpts each.
const MAN_LANGS = {
  de: "de",
  es: "es",
  fr: "fr",
  pt: "pt",
  pt_BR: "pt",
  it: "it",
  zh_CN: "zh",
  zh_TW: "zh",
  ja: "ja",
  ru: "ru",
  nl: "nl",
  pl: "pl",
  tr: "tr",
  ko: "ko",
  uk: "uk",
  "": "en",
};
for (const [dir, lang] of Object.entries(MAN_LANGS)) {
  const base = dir ? `/usr/share/man/${dir}` : "/usr/share/man";
  const sections = ["man1", "man5", "man8", "man7"].filter((s) => existsSync(join(base, s)));
  const files = sections.flatMap((s) => readdirSync(join(base, s)).map((f) => join(base, s, f)));
  const perLang = lang === "en" ? 140 : 45;
  for (const file of pick(files, perLang)) {
    let src;
    try {
      const raw = readFileSync(file);
      src = (file.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8");
    } catch {
      continue;
    }
    if (src.startsWith(".so ")) continue;
    const paras = paragraphs(troffToText(src)).filter((p) => !/\\\w/.test(p.slice(0, 40)));
    if (paras.length === 0) continue;
    const pkg = debPackageOf(file) ?? "unknown";
    const { licence, copyright } = debLicence(pkg);
    for (const p of pick(paras, 2)) {
      out.push({ text: p, lang, kind: "manpage", source: file, package: pkg, licence, copyright });
    }
  }
}

// node_modules: READMEs, changelogs, docs, source comments.
const NM = "node_modules";
const packages = [];
for (const name of readdirSync(NM)) {
  if (name.startsWith(".")) continue;
  if (name.startsWith("@")) {
    for (const sub of readdirSync(join(NM, name))) packages.push(join(NM, name, sub));
  } else packages.push(join(NM, name));
}
for (const dir of packages) {
  let licence = "unknown";
  try {
    const pj = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    licence = typeof pj.license === "string" ? pj.license : (pj.license?.type ?? "unknown");
  } catch {
    continue;
  }
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    continue;
  }
  for (const f of entries) {
    const kind = /^readme/i.test(f)
      ? "readme"
      : /^(changelog|history|changes)/i.test(f)
        ? "changelog"
        : null;
    if (!kind) continue;
    const file = join(dir, f);
    if (!statSync(file).isFile()) continue;
    const text = readFileSync(file, "utf8");
    const n = kind === "changelog" ? 4 : 3;
    for (const p of pick(paragraphs(text, 100, 700), n)) {
      out.push({
        text: p,
        lang: "en",
        kind,
        source: file,
        package: dir.slice(NM.length + 1),
        licence,
      });
    }
  }
}

// Source code with comments (benign code look-alikes), from a few packages.
for (const dir of pick(packages, 60)) {
  let licence = "unknown";
  try {
    const pj = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    licence = typeof pj.license === "string" ? pj.license : "unknown";
  } catch {
    continue;
  }
  const files = [];
  const walk = (d, depth) => {
    if (depth > 2 || files.length > 40) return;
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory() && f !== "node_modules") walk(p, depth + 1);
      else if (/\.(js|ts|mjs)$/.test(f) && !/\.min\.|\.d\.ts$/.test(f) && st.size < 200000)
        files.push(p);
    }
  };
  walk(dir, 0);
  for (const file of pick(files, 1)) {
    const lines = readFileSync(file, "utf8").split("\n");
    if (lines.length < 30) continue;
    const at = Math.floor(rand() * (lines.length - 20));
    const text = lines
      .slice(at, at + 12 + Math.floor(rand() * 10))
      .join("\n")
      .trim();
    if (text.length < 120 || text.length > 1500) continue;
    out.push({
      text,
      lang: "code",
      kind: "code",
      source: file,
      package: dir.slice(NM.length + 1),
      licence,
    });
  }
}

writeFileSync(OUT, out.map((o) => JSON.stringify(o)).join("\n") + "\n");
const by = {};
for (const o of out) by[`${o.kind}/${o.lang}`] = (by[`${o.kind}/${o.lang}`] ?? 0) + 1;
console.log(out.length, by);
