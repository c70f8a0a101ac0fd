// All session-12 families with their split pinned to train or val (never test).
// Many multilingual families are renderings of one "frame" (the same idea written in several
// languages), so the split is assigned per frame: every language of a frame goes to the same
// split, and translations never straddle it. Frames written in one language only are split
// 70 / 30 within their (label, category), by a hash of their id.
import { S12_ASIA } from "./families-s12-asia.mjs";
import { S12_BENIGN_EN, S12_BENIGN_ENCODED } from "./families-s12-benign-en.mjs";
import { S12_BENIGN_INTL } from "./families-s12-benign-intl.mjs";
import { S12_BENIGN_MORE } from "./families-s12-benign-more.mjs";
import { S12_BENIGN_TRAIN } from "./families-s12-benign-train.mjs";
import { S12_EAST } from "./families-s12-east.mjs";
import { S12_EN, S12_EN_CARRIERS } from "./families-s12-en.mjs";
import { S12_ENCODED } from "./families-s12-encoded.mjs";
import { S12_EU } from "./families-s12-eu.mjs";
import { S12_EXTRA } from "./families-s12-extra.mjs";
import { S12_GLOSSARY } from "./families-s12-glossary.mjs";
import { S12_LOCAL } from "./families-s12-local.mjs";
import { S12_MORE } from "./families-s12-more.mjs";

const ALL = [
  ...S12_EN,
  ...S12_EN_CARRIERS,
  ...S12_EU,
  ...S12_EAST,
  ...S12_ASIA,
  ...S12_ENCODED,
  ...S12_MORE,
  ...S12_EXTRA,
  // Local-colour families share several ideas across languages: one frame, training only.
  ...S12_LOCAL.map((f) => ({ ...f, frame: "local" })),
  ...S12_BENIGN_EN,
  ...S12_BENIGN_ENCODED,
  ...S12_BENIGN_INTL,
  ...S12_BENIGN_MORE,
  ...S12_BENIGN_TRAIN,
  ...S12_GLOSSARY,
];

// English families that share their idea with a multilingual frame belong to that frame.
const SAME_FRAME = {
  "carrier-email": "carrier",
  "carrier-review": "carrier",
  "carrier-ticket": "carrier",
  "carrier-meeting-notes": "carrier",
  "people-imperatives": "people",
  "review-benign": "reviews",
  "support-chat": "transcript",
  "security-writing": "docs-ai",
  glossary: "docs-ai",
  "recipe-manual": "manual",
  "paraphrase-scratch": "paraphrase",
  "paraphrase-hidden-agenda": "paraphrase",
  "paraphrase-loyalty": "paraphrase",
  "paraphrase-story": "paraphrase2",
  "paraphrase-quiet": "paraphrase2",
  "override-developer": "override-authority",
  "override-policy-update": "override-authority",
  "roleplay-game": "roleplay",
  "roleplay-grandma": "roleplay",
  "roleplay-opposite": "roleplay",
  "tool-fake-result": "tool",
  "tool-json-call": "tool",
  "tool-react": "tool",
  "tool-call-with": "tool",
  "tool-fake": "tool",
  "tool-call": "tool",
  "exfil-send": "exfil",
  "exfil-md-image": "exfil",
  "exfil-link": "exfil",
  "exfil-summary-smuggle": "exfil2",
  "exfil-email-it": "exfil2",
  "tool-workflow": "tool2",
  "tool-function-result-hijack": "tool2",
};
// Frames held out for validation: each covers most languages, so every language has
// validation texts (override, paraphrase, encoded; security writing and transcripts).
const VAL_FRAMES = new Set([
  "override-polite",
  "override-conditional",
  "paraphrase2",
  "encoded",
  "exfil2",
  "tool2",
  "docs-ai",
  "transcript",
]);

const frameOf = (f) => {
  if (f.frame) return f.frame;
  const rest = f.id.slice(`s12-${f.lang}-`.length);
  return SAME_FRAME[rest] ?? rest;
};
function hash(s) {
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ c.codePointAt(0), 16777619) >>> 0;
  return h;
}

const langsOf = new Map();
for (const f of ALL) langsOf.set(frameOf(f), (langsOf.get(frameOf(f)) ?? 0) + 1);
const single = new Map(); // (label, category) -> single-language families, by hash
for (const f of ALL) {
  if (langsOf.get(frameOf(f)) > 1 || VAL_FRAMES.has(frameOf(f))) continue;
  const key = `${f.label}/${f.category}`;
  if (!single.has(key)) single.set(key, []);
  single.get(key).push(f);
}
const PATTERN = [
  "train",
  "train",
  "val",
  "train",
  "train",
  "val",
  "train",
  "train",
  "val",
  "train",
];
const singleSplit = new Map();
for (const list of single.values()) {
  list.sort((a, b) => hash(a.id) - hash(b.id));
  list.forEach((f, i) => singleSplit.set(f.id, PATTERN[i % PATTERN.length]));
}

const splitOf = (f) => (VAL_FRAMES.has(frameOf(f)) ? "val" : (singleSplit.get(f.id) ?? "train"));
export const S12 = ALL.map(({ frame, ...f }) => ({ ...f, split: splitOf({ frame, ...f }) }));
