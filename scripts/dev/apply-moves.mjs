#!/usr/bin/env node
// Re-runnable: `node /work/briefs/s10/apply-moves.mjs [map.json]` in a worktree's root.
// 1. git-mv's every file still at an old path of the map (exact file entries win over the
//    longest matching "dir/" entry);
// 2. rewrites every relative import/export/import()/vi.mock specifier in every .ts/.tsx/.mjs/.js
//    file that points at an old path (or that broke because its own file moved) to the new path.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const mapFile = process.argv[2] ?? path.join(here, "move-map.json");
const map = JSON.parse(readFileSync(mapFile, "utf8"));
const files = Object.entries(map).filter(([from]) => !from.endsWith("/"));
const dirs = Object.entries(map)
  .filter(([from]) => from.endsWith("/"))
  .sort((a, b) => b[0].length - a[0].length);
const exact = new Map(files);

/** Where an old path lives now (itself if the map does not move it). */
function mapped(p) {
  if (exact.has(p)) return exact.get(p);
  for (const [from, to] of dirs) if (p.startsWith(from)) return to + p.slice(from.length);
  return p;
}

const git = (...args) => execFileSync("git", args, { encoding: "utf8" });
const listed = () =>
  git("ls-files", "-co", "--exclude-standard")
    .split("\n")
    .filter((f) => f && existsSync(f));

// 1. Moves.
const before = new Set(listed());
const movedFrom = new Map(); // new path -> old path (this run)
for (const f of before) {
  const to = mapped(f);
  if (to === f) continue;
  if (existsSync(to)) throw new Error(`${f} -> ${to}: target exists`);
  mkdirSync(path.dirname(to), { recursive: true });
  const tracked = git("ls-files", "--", f).trim() !== "";
  if (tracked) git("mv", f, to);
  else execFileSync("mv", [f, to]);
  movedFrom.set(to, f);
}
const after = new Set(listed());
if (movedFrom.size) console.log(`moved ${movedFrom.size} files`);

// 2. Imports.
const SOURCE = /\.(ts|tsx|mts|mjs|js|cjs)$/;
const EXTS = ["", ".ts", ".tsx", ".mts", ".mjs", ".js", "/index.ts", "/index.tsx", "/index.mjs"];
const SPEC =
  /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bvi\.mock\(\s*|\brequire\(\s*)(["'])(\.\.?\/[^"'\n]*)\2/g;

/** The file a specifier in `fromOld` resolved to before the moves, and where it lives now. */
function resolveTarget(fromOld, spec) {
  const [bare, query = ""] = spec.split(/(?=\?)/);
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(fromOld), bare));
  for (const ext of EXTS) {
    const cand = base + ext;
    const now = mapped(cand);
    if ((before.has(cand) && after.has(now)) || (now !== cand && after.has(now)) || after.has(cand))
      return { ext, now: after.has(now) ? now : cand, query };
  }
  return null;
}

let rewritten = 0;
for (const file of after) {
  if (!SOURCE.test(file) || file.startsWith("node_modules/")) continue;
  const oldPath = movedFrom.get(file) ?? file;
  const text = readFileSync(file, "utf8");
  const out = text.replace(SPEC, (whole, lead, q, spec) => {
    const target = resolveTarget(oldPath, spec);
    if (!target) return whole;
    let rel = path.posix.relative(path.posix.dirname(file), target.now);
    if (target.ext && !target.ext.startsWith("/index")) rel = rel.slice(0, -target.ext.length);
    else if (target.ext.startsWith("/index")) rel = rel.slice(0, -target.ext.length);
    if (!rel.startsWith(".")) rel = "./" + rel;
    const next = rel + target.query;
    return next === spec ? whole : `${lead}${q}${next}${q}`;
  });
  if (out !== text) {
    writeFileSync(file, out);
    rewritten++;
  }
}
console.log(`rewrote imports in ${rewritten} files`);

// 3. Plain mentions of a moved file's path in comments, docs and configs ("workers/db/schema.ts").
const mentions = new Map(files.filter(([from]) => !from.startsWith("tests/") || true));
for (const f of before) if (mapped(f) !== f) mentions.set(f, mapped(f));
const TEXT = /\.(ts|tsx|mts|mjs|js|cjs|md|json|toml|yml|yaml)$/;
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const olds = [...mentions.keys()].sort((a, b) => b.length - a.length);
const MENTION = olds.length
  ? new RegExp(`(?<![\\w./-])(\\./)?(${olds.map(esc).join("|")})(?![\\w/-])`, "g")
  : null;
let mentioned = 0;
for (const file of listed()) {
  if (!MENTION || !TEXT.test(file) || file.startsWith("node_modules/")) continue;
  if (file === "package-lock.json" || file.endsWith("move-map.json")) continue;
  const text = readFileSync(file, "utf8");
  const out = text.replace(MENTION, (_, dot = "", old) => dot + mentions.get(old));
  if (out !== text) {
    writeFileSync(file, out);
    mentioned++;
  }
}
console.log(`rewrote path mentions in ${mentioned} files`);
