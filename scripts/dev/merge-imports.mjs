import { readFileSync, writeFileSync } from "node:fs";
import ts from "typescript";
for (const p of process.argv.slice(2)) {
  const src = readFileSync(p, "utf8");
  const sf = ts.createSourceFile(p, src, ts.ScriptTarget.Latest, true);
  const groups = new Map();
  const imps = sf.statements.filter(
    (s) =>
      ts.isImportDeclaration(s) &&
      s.importClause &&
      !s.importClause.name &&
      s.importClause.namedBindings &&
      ts.isNamedImports(s.importClause.namedBindings),
  );
  for (const s of imps) {
    const key = (s.importClause.isTypeOnly ? "type:" : "") + s.moduleSpecifier.text;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(s);
  }
  const edits = [];
  for (const [key, list] of groups) {
    if (list.length < 2) continue;
    const names = [
      ...new Set(
        list.flatMap((s) => s.importClause.namedBindings.elements.map((e) => e.getText(sf))),
      ),
    ];
    const t = list[0].importClause.isTypeOnly ? "type " : "";
    edits.push([
      list[0].getStart(),
      list[0].end,
      `import ${t}{ ${names.join(", ")} } from "${list[0].moduleSpecifier.text}";`,
    ]);
    for (const s of list.slice(1)) edits.push([s.getFullStart(), s.end, ""]);
  }
  edits.sort((a, b) => b[0] - a[0]);
  let out = src;
  for (const [s, e, t] of edits) out = out.slice(0, s) + t + out.slice(e);
  if (out !== src) writeFileSync(p, out);
}
