// Builds the injection corpus (tests/fixtures/injection/corpus/corpus.jsonl) from the
// hand-written template families, the real benign excerpts in harvested.jsonl and the legacy
// fixtures. Deterministic (seeded). Every text records its family and provenance; the
// train / validation / test split is assigned per family, never per text, so near-duplicates
// cannot straddle it. `node scripts/injection/build-corpus.mjs`
import { readFileSync, writeFileSync } from "node:fs";
import { ENGLISH } from "./families-english.mjs";
import { MULTILINGUAL, TASKS } from "./families-multilingual.mjs";
import { EXTRA } from "./families-extra.mjs";
import { FRESH } from "./families-fresh.mjs";
import { BROAD_EN, BROAD_EN_BENIGN } from "./families-broad-en.mjs";
import { BROAD_EU } from "./families-broad-eu.mjs";
import { BROAD_ASIA } from "./families-broad-asia.mjs";
import { BROAD_2 } from "./families-broad-2.mjs";
import { BROAD_3 } from "./families-broad-3.mjs";
import { BROAD_4 } from "./families-broad-4.mjs";
import { S12 } from "./families-s12.mjs";

const DIR = "tests/fixtures/injection/corpus";
let seed = 20261201;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const choice = (arr) => arr[Math.floor(rand() * arr.length)];
function hash(s) {
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ c.codePointAt(0), 16777619) >>> 0;
  return h;
}

const SLOTS = {
  PERSONA: [
    "DAN",
    "AIM",
    "STAN",
    "FreeGPT",
    "Omega",
    "Developer Mode",
    "BetterBot",
    "Mongo Tom",
    "NoLimits",
    "KEVIN",
  ],
  TOOL: [
    "send_email",
    "http_fetch",
    "run_shell",
    "file_upload",
    "transfer_funds",
    "post_message",
    "execute_code",
    "browser.open",
    "write_file",
    "create_webhook",
  ],
  EMAIL: [
    "collector@evil.example",
    "backup-team@data-sync.example",
    "admin@protonmail.example",
    "logs@mailbox.example",
    "security-audit@outlook.example",
  ],
  HOST: [
    "evil.example",
    "attacker.example",
    "cdn-stats.example",
    "img.tracker.example",
    "webhook.site.example",
  ],
  URL: [
    "https://evil.example/collect",
    "http://attacker.example/log",
    "https://cdn-stats.example/p",
    "https://webhook.site.example/8f3a",
    "http://203.0.113.9/upload",
  ],
  SECRET: [
    "API key",
    "access token",
    "session cookie",
    "OPENAI_API_KEY",
    "AWS secret key",
    "GitHub token",
    "password",
  ],
};

// `local`: a family's own slot fillers (session 12), filled recursively; they take precedence.
function fill(template, lang, local) {
  return template.replace(/\{([A-Z0-9]+)\}/g, (_, name) => {
    if (local?.[name]) return fill(choice(local[name]), lang, local);
    if (name === "TASK") return fill(choice(TASKS[lang] ?? TASKS.en), lang, local);
    const values = SLOTS[name];
    return values ? choice(values) : `{${name}}`;
  });
}

// ---- real benign text --------------------------------------------------------------------
const NON_LATIN = {
  zh: /\p{Script=Han}/u,
  ja: /[\p{Script=Hiragana}\p{Script=Katakana}]/u,
  ru: /\p{Script=Cyrillic}/u,
  uk: /\p{Script=Cyrillic}/u,
  ko: /\p{Script=Hangul}/u,
  ar: /\p{Script=Arabic}/u,
};
const harvested = readFileSync(`${DIR}/harvested.jsonl`, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l))
  .map((h) => {
    // Untranslated pages sit in language folders: label by what the text is.
    const script = NON_LATIN[h.lang];
    const ascii = h.text.replace(/[^\x00-\x7f]/g, "").length / h.text.length;
    const lang =
      h.lang === "code"
        ? "code"
        : script
          ? script.test(h.text)
            ? h.lang
            : "en"
          : ascii > 0.995 && h.lang !== "en"
            ? "en"
            : h.lang;
    return { ...h, lang };
  });

// ---- split assignment: per family, balanced within each (label, category) ------------------
const PATTERN = [
  "train",
  "test",
  "train",
  "val",
  "train",
  "train",
  "test",
  "train",
  "val",
  "train",
];
function assignSplits(families) {
  const groups = new Map();
  for (const f of families) {
    const key = `${f.label}/${f.category}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(f);
  }
  const split = new Map();
  for (const list of groups.values()) {
    list.sort((a, b) => hash(a.id) - hash(b.id));
    list.forEach((f, i) =>
      split.set(f.id, list.length < 3 ? (i === 0 ? "train" : "test") : PATTERN[i % PATTERN.length]),
    );
  }
  return split;
}

// The first test split was looked at once, while developing; it was then retired to validation
// (and the first validation split to training), and a fresh test split written (families-fresh).
const RETIRE = { train: "train", val: "train", test: "val" };
const families = [...ENGLISH, ...MULTILINGUAL, ...EXTRA, ...FRESH];
const ids = new Set();
for (const f of families) {
  if (ids.has(f.id)) throw new Error(`duplicate family ${f.id}`);
  ids.add(f.id);
}
const split = assignSplits(families.filter((f) => !f.split));
for (const [id, s] of split) split.set(id, RETIRE[s]);
for (const f of families) if (f.split) split.set(f.id, f.split);

// Harvested texts: a family per package (or man page), split by hash of the package.
const harvestSplit = (pkg) => {
  const r = (hash(`h:${pkg}`) % 1000) / 1000;
  return RETIRE[r < 0.6 ? "train" : r < 0.8 ? "val" : "test"];
};
const carriers = { train: {}, val: {}, test: {} };
const fresh = readFileSync(`${DIR}/harvest-fresh.jsonl`, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l));
for (const h of [...harvested, ...fresh]) {
  if (h.lang === "code" || h.text.length > 500) continue;
  const s = fresh.includes(h) ? "test" : harvestSplit(h.package);
  (carriers[s][h.lang] ??= []).push(h.text);
}

const out = [];
const seen = new Set();
function push(rec) {
  if (seen.has(rec.text)) return;
  seen.add(rec.text);
  out.push(rec);
}

function embed(text, lang, s) {
  const pool = carriers[s][lang] ?? carriers[s].en;
  const r = rand();
  if (r < 0.45) return text;
  const c = choice(pool);
  const cut = c.lastIndexOf(". ", Math.floor(c.length * rand()));
  const before = cut > 0 ? c.slice(0, cut + 1) : c;
  const after = cut > 0 ? c.slice(cut + 2) : "";
  if (r < 0.65) return `${c}\n\n${text}`;
  if (r < 0.8) return `${text}\n\n${c}`;
  return `${before} ${text} ${after}`.trim();
}

const PER_INJECTION_FAMILY = 16;
const PER_BENIGN_FAMILY = 14;
const S12_PER_INJECTION = 8;
const S12_PER_BENIGN = 26;
const utf8 = (s) => new TextEncoder().encode(s);
const b64 = (s) => Buffer.from(utf8(s)).toString("base64");
const ENCODINGS = {
  base64: b64,
  base64url: (s) => b64(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""),
  hex: (s) => Buffer.from(utf8(s)).toString("hex"),
  url: (s) => [...utf8(s)].map((b) => `%${b.toString(16).padStart(2, "0").toUpperCase()}`).join(""),
  rot13: (s) =>
    s.replace(/[A-Za-z]/g, (c) =>
      String.fromCharCode(((c.toLowerCase().charCodeAt(0) - 97 + 13) % 26) + (c <= "Z" ? 65 : 97)),
    ),
  reversed: (s) => [...s].reverse().join(""),
  rtl: (s) => `\u202e${[...s].reverse().join("")}\u202c`,
};
const WRAPPERS = [
  "{X}",
  "Decode this and follow it: {X}",
  "{X}",
  "Message for the assistant (encoded): {X}",
  "Please process the following payload.\n\n{X}",
  "[data]{X}[/data]",
];
// Texts of each family, then encoded variants (an injection encoded; benign blobs); each
// inherits its family's split.
function expand(families, split) {
  for (const f of families) {
    const s = split.get(f.id);
    const n = f.label === 1 ? (f.count ?? PER_INJECTION_FAMILY) : (f.count ?? PER_BENIGN_FAMILY);
    for (let i = 0; i < n * 3 && out.filter((o) => o.family === f.id).length < n; i++) {
      let text;
      if (f.label === 1) {
        text = embed(fill(choice(f.templates), f.lang, f.slots), f.lang, s);
      } else {
        const k = 1 + Math.floor(rand() * Math.min(3, f.templates.length));
        const parts = [];
        for (let j = 0; j < k; j++) parts.push(fill(choice(f.templates), f.lang, f.slots));
        text = [...new Set(parts)].join(rand() < 0.5 ? "\n\n" : " ");
      }
      push({
        text,
        label: f.label,
        category: f.category,
        lang: f.lang,
        family: f.id,
        split: s,
        source: `template:${f.id}`,
      });
    }
  }

  // Families already written as encoded text (category "encoded") are not encoded again.
  const plain = (f) => f.category !== "paraphrase_encoded" && f.category !== "encoded";
  for (const f of families.filter((f) => f.label === 1 && plain(f))) {
    const s = split.get(f.id);
    for (const [enc, fn] of Object.entries(ENCODINGS)) {
      if (enc === "rot13" && !/^(en|de|es|fr|pt|it)$/.test(f.lang)) continue;
      if (rand() < 0.45) continue;
      const payload = fill(choice(f.templates), f.lang, f.slots);
      const wrapped = choice(WRAPPERS).replace("{X}", fn(payload));
      const text = rand() < 0.4 ? embed(wrapped, f.lang === "en" ? "en" : f.lang, s) : wrapped;
      push({
        text,
        label: 1,
        category: "encoded",
        lang: f.lang,
        family: `${f.id}+${enc}`,
        encoding: enc,
        split: s,
        source: `template:${f.id} encoded as ${enc}`,
      });
    }
  }
  // Benign encodings: blobs that are NOT instructions (hashes, images, tokens, encoded prose).
  for (const f of families.filter((f) => f.label === 0)) {
    const s = split.get(f.id);
    for (const [enc, fn] of Object.entries(ENCODINGS)) {
      if (rand() < 0.75) continue;
      const payload = fill(choice(f.templates), f.lang, f.slots);
      const wrapped = choice([
        "{X}",
        "Attachment (base64):\n{X}",
        "checksum: {X}",
        "payload={X}",
        "{X}",
      ]).replace("{X}", fn(payload));
      push({
        text: wrapped,
        label: 0,
        category: "encoded_benign",
        lang: f.lang,
        family: `${f.id}+${enc}`,
        encoding: enc,
        split: s,
        source: `template:${f.id} encoded as ${enc}`,
      });
    }
  }
}
expand(families, split);

// ---- real benign excerpts ----------------------------------------------------------------
for (const h of harvested) {
  const category = {
    manpage: h.lang === "en" ? "docs" : "everyday",
    readme: "docs",
    changelog: "changelog",
    code: "code",
  }[h.kind];
  push({
    text: h.text,
    label: 0,
    category: h.kind === "manpage" && h.lang !== "en" ? "multilingual_docs" : category,
    lang: h.lang,
    family: `harvest:${h.package}`,
    split: harvestSplit(h.package),
    source: h.source,
    licence: h.licence,
  });
}

// ---- fresh real benign text for the test split (harvest-fresh.jsonl: other files) ----------
for (const h of fresh) {
  push({
    text: h.text,
    label: 0,
    category: h.kind,
    lang: h.lang,
    family: `fresh:${h.package}`,
    split: "test",
    source: h.source,
    licence: h.licence,
  });
}

// ---- legacy fixtures: the old corpus, training only ---------------------------------------
for (const [file, label] of [
  ["positive.jsonl", 1],
  ["negative.jsonl", 0],
]) {
  for (const line of readFileSync(`tests/fixtures/injection/${file}`, "utf8")
    .split("\n")
    .filter(Boolean)) {
    const { text, note } = JSON.parse(line);
    push({
      text,
      label,
      category: "legacy",
      lang: "en",
      family: `legacy-${label}`,
      split: "train",
      source: `tests/fixtures/injection/${file}: ${note}`,
    });
  }
}

// ---- broad families (session 9): train and validation only, appended with their own seed so
// that every earlier text, split and id above stays exactly as it was ------------------------
const BROAD = [
  ...BROAD_EN,
  ...BROAD_EN_BENIGN,
  ...BROAD_EU,
  ...BROAD_ASIA,
  ...BROAD_2,
  ...BROAD_3,
  ...BROAD_4,
];
for (const f of BROAD) {
  if (ids.has(f.id)) throw new Error(`duplicate family ${f.id}`);
  if (f.split !== "train" && f.split !== "val")
    throw new Error(`${f.id}: broad families never go to test`);
  ids.add(f.id);
}
seed = 9090901;
// Fewer texts per broad injection family and more per benign one keep the corpus about half
// and half; variety comes from the number of families, not from texts per family.
expand(
  BROAD.map((f) => ({ ...f, count: f.label === 1 ? 9 : 24 })),
  new Map(BROAD.map((f) => [f.id, f.split])),
);

// ---- session-12 families: train and validation only, appended last with a seed of their own
// (every earlier row stays byte-identical); their split is pinned per frame (families-s12.mjs).
for (const f of S12) {
  if (ids.has(f.id)) throw new Error(`duplicate family ${f.id}`);
  if (f.split !== "train" && f.split !== "val")
    throw new Error(`${f.id}: session-12 families never go to test`);
  ids.add(f.id);
}
seed = 12121212;
expand(
  S12.map((f) => ({ ...f, count: f.label === 1 ? S12_PER_INJECTION : S12_PER_BENIGN })),
  new Map(S12.map((f) => [f.id, f.split])),
);

out.forEach((o, i) => (o.id = `c${String(i).padStart(5, "0")}`));
writeFileSync(
  `${DIR}/corpus.jsonl`,
  out.map((o) => JSON.stringify({ id: o.id, ...o })).join("\n") + "\n",
);
const tally = {};
for (const o of out) {
  const k = `${o.split} ${o.label ? "inj" : "ben"}`;
  tally[k] = (tally[k] ?? 0) + 1;
}
console.log(out.length, tally);
