// Moves top-level exported declarations from one contract to another and rewrites every import
// of them in the repository:  node scripts/dev/move-schemas.mjs <from.ts> <to.ts> Name1 Name2 …
import { execSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import ts from "typescript";

const [from, to, ...names] = process.argv.slice(2);
const want = new Set(names);
const parse = (p, s) => ts.createSourceFile(p, s, ts.ScriptTarget.Latest, true);
const spec = (fromFile, target) => {
  let r = relative(dirname(fromFile), target).replace(/\.tsx?$/, "");
  return r.startsWith(".") ? r : "./" + r;
};
const refs = (node, acc = new Set()) => {
  const v = (n) => {
    if (ts.isIdentifier(n)) acc.add(n.text);
    ts.forEachChild(n, v);
  };
  v(node);
  return acc;
};

let src = readFileSync(from, "utf8");
const sf = parse(from, src);
const moved = [];
const imports = new Map();
for (const st of sf.statements) {
  if (
    ts.isImportDeclaration(st) &&
    st.importClause?.namedBindings &&
    ts.isNamedImports(st.importClause.namedBindings)
  )
    for (const el of st.importClause.namedBindings.elements)
      imports.set(el.name.text, st.moduleSpecifier.text);
  const n = ts.isVariableStatement(st)
    ? st.declarationList.declarations.map((d) => d.name.text)
    : (ts.isFunctionDeclaration(st) || ts.isTypeAliasDeclaration(st)) && st.name
      ? [st.name.text]
      : [];
  if (n.some((x) => want.has(x))) moved.push(st);
}
const text = moved.map((st) => src.slice(st.getFullStart(), st.end)).join("") + "\n";
const used = new Set();
for (const st of moved) refs(st, used);
// Declarations left in `from` that the moved ones use must be imported from `from`.
const leftDecls = new Set();
for (const st of sf.statements)
  if (!moved.includes(st) && ts.isVariableStatement(st))
    for (const d of st.declarationList.declarations) leftDecls.add(d.name.text);
let out = src;
for (const st of [...moved].reverse()) out = out.slice(0, st.getFullStart()) + out.slice(st.end);
writeFileSync(from, out);

let dst = readFileSync(to, "utf8");
const dsf = parse(to, dst);
const have = new Set();
for (const st of dsf.statements) refs(st, have);
const need = new Map();
for (const id of used) {
  if (want.has(id) || have.has(id)) continue;
  let s = imports.has(id) ? imports.get(id) : leftDecls.has(id) ? spec(to, from) : null;
  if (!s) continue;
  if (imports.has(id) && s.startsWith("."))
    s = spec(
      to,
      new URL(s, "file://" + process.cwd() + "/" + from).pathname.slice(process.cwd().length + 1) +
        ".ts",
    );
  if (s === spec(to, to)) continue;
  if (!need.has(s)) need.set(s, new Set());
  need.get(s).add(id);
}
const lines = [...need]
  .map(([s, ids]) => `import { ${[...ids].join(", ")} } from "${s}";\n`)
  .join("");
// The moved declarations go before the first statement of `to` that uses one of them.
const firstUse = dsf.statements.find((st) => [...refs(st)].some((x) => want.has(x)));
const at = firstUse ? firstUse.getFullStart() : dst.length;
writeFileSync(to, lines + dst.slice(0, at) + text + dst.slice(at));

// Rewrite importers.
const files = execSync("git ls-files '*.ts' '*.tsx'", { encoding: "utf8" }).trim().split("\n");
files.push(from, to);
for (const f of new Set(files)) {
  let s;
  try {
    s = readFileSync(f, "utf8");
  } catch {
    continue;
  }
  const fsf = parse(f, s);
  const edits = [];
  for (const st of fsf.statements) {
    if (!ts.isImportDeclaration(st) && !ts.isExportDeclaration(st)) continue;
    if (!st.moduleSpecifier) continue;
    const m = st.moduleSpecifier.text;
    if (!m.startsWith(".")) continue;
    const target = relative(
      process.cwd(),
      new URL(m, "file://" + process.cwd() + "/" + f).pathname,
    );
    if (target + ".ts" !== from && target !== from.replace(/\.ts$/, "")) continue;
    const nb = ts.isImportDeclaration(st) ? st.importClause?.namedBindings : st.exportClause;
    if (!nb || !(ts.isNamedImports(nb) || ts.isNamedExports(nb))) continue;
    const mv = nb.elements.filter((e) => want.has((e.propertyName ?? e.name).text));
    if (!mv.length) continue;
    const keep = nb.elements.filter((e) => !mv.includes(e));
    const kw = ts.isImportDeclaration(st) ? "import" : "export";
    const tonly = (ts.isImportDeclaration(st) ? st.importClause.isTypeOnly : st.isTypeOnly)
      ? "type "
      : "";
    const a = keep.length
      ? `${kw} ${tonly}{ ${keep.map((e) => e.getText(fsf)).join(", ")} } from "${m}";\n`
      : "";
    const b =
      f === to
        ? ""
        : `${kw} ${tonly}{ ${mv.map((e) => e.getText(fsf)).join(", ")} } from "${spec(f, to)}";`;
    edits.push([st.getStart(), st.end, a + b]);
  }
  edits.sort((x, y) => y[0] - x[0]);
  for (const [a, b, t] of edits) s = s.slice(0, a) + t + s.slice(b);
  if (edits.length) writeFileSync(f, s);
}
