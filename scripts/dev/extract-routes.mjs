// One-off refactoring tool (issue 12, T): moves every inline `createRoute({...})` of
// capabilities/<name>/routes*.ts into capabilities/<name>/contract.ts as a named export, together
// with the file-local schemas it uses, and rewrites `app.openapi(createRoute({...}), h)` to
// `app.openapi(name, h)`. Re-run it on a branch that still has inline route definitions:
//   node scripts/dev/extract-routes.mjs [--dry]
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

const dry = process.argv.includes("--dry");
const NAMES = JSON.parse(readFileSync(new URL("./route-names.json", import.meta.url), "utf8"));
const PURE = (spec) =>
  spec === "@hono/zod-openapi" ||
  spec === "zod" ||
  spec === "./contract" ||
  /^\.\.\/[a-z-]+\/contract$/.test(spec) ||
  spec.startsWith("../../core/");

const pascal = (s) =>
  s
    .split(/[-_.]/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join("");
const singular = (s) =>
  s.endsWith("ies") ? s.slice(0, -3) + "y" : s.endsWith("s") ? s.slice(0, -1) : s;

export function guessName(method, path) {
  let segs = path.split("/").filter(Boolean);
  if (segs[0] === "api") segs = segs.slice(1);
  if (segs[0] === "tenants" && segs[1] === "{t}" && segs.length > 2) segs = segs.slice(2);
  const isParam = (s) => s.startsWith("{");
  const last = segs[segs.length - 1];
  const statics = segs.filter((s) => !isParam(s));
  const prevIsParam = segs.length > 1 && isParam(segs[segs.length - 2]);
  if (isParam(last)) {
    const body = statics.map((s, i) => (i === statics.length - 1 ? singular(s) : s));
    const verb = { get: "get", put: "put", patch: "update", delete: "delete", post: "post" }[
      method
    ];
    return verb + body.map(pascal).join("");
  }
  if (method === "post" && prevIsParam && statics.length > 1) {
    const action = statics[statics.length - 1];
    const rest = statics.slice(0, -1).map((s, i, a) => (i === a.length - 1 ? singular(s) : s));
    return action.replace(/-([a-z])/g, (_, c) => c.toUpperCase()) + rest.map(pascal).join("");
  }
  if (method === "get") return (last.endsWith("s") ? "list" : "get") + statics.map(pascal).join("");
  if (method === "post" && last.endsWith("s"))
    return (
      "create" +
      statics
        .map((s, i) => (i === statics.length - 1 ? singular(s) : s))
        .map(pascal)
        .join("")
    );
  return method + statics.map(pascal).join("");
}

function routeFiles() {
  const out = [];
  for (const cap of readdirSync("capabilities")) {
    const dir = join("capabilities", cap);
    for (const f of readdirSync(dir)) {
      if (f === "contract.ts" || !f.endsWith(".ts")) continue;
      const p = join(dir, f);
      if (readFileSync(p, "utf8").includes("createRoute(")) out.push({ cap, path: p });
    }
  }
  return out;
}

/** Identifiers a node refers to (not property names, not member names). */
function refs(node, acc = new Set()) {
  const visit = (n) => {
    if (ts.isIdentifier(n)) {
      const p = n.parent;
      const isName =
        (p && ts.isPropertyAccessExpression(p) && p.name === n) ||
        (p && ts.isPropertyAssignment(p) && p.name === n) ||
        (p && ts.isVariableDeclaration(p) && p.name === n) ||
        (p && (ts.isParameter(p) || ts.isBindingElement(p)) && p.name === n);
      if (!isName) acc.add(n.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return acc;
}

const report = [];
const usedNames = new Set();
for (const { cap, path } of routeFiles()) {
  const src = readFileSync(path, "utf8");
  const sf = ts.createSourceFile(path, src, ts.ScriptTarget.Latest, true);
  const imports = new Map(); // name -> { spec, typeOnly }
  const decls = new Map(); // name -> statement
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && st.importClause) {
      const spec = st.moduleSpecifier.text;
      const nb = st.importClause.namedBindings;
      if (nb && ts.isNamedImports(nb))
        for (const el of nb.elements)
          imports.set(el.name.text, {
            spec,
            typeOnly: st.importClause.isTypeOnly || el.isTypeOnly,
            imported: el.propertyName?.text ?? el.name.text,
          });
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations)
        if (ts.isIdentifier(d.name)) decls.set(d.name.text, st);
    } else if (ts.isFunctionDeclaration(st) && st.name) decls.set(st.name.text, st);
  }
  const routes = [];
  const visit = (n) => {
    if (
      ts.isCallExpression(n) &&
      ts.isPropertyAccessExpression(n.expression) &&
      n.expression.name.text === "openapi" &&
      n.arguments.length >= 2 &&
      ts.isCallExpression(n.arguments[0]) &&
      ts.isIdentifier(n.arguments[0].expression) &&
      n.arguments[0].expression.text === "createRoute"
    ) {
      const call = n.arguments[0];
      const obj = call.arguments[0];
      const prop = (k) => {
        const p = obj.properties.find((q) => q.name && q.name.text === k);
        if (!p) return undefined;
        if (ts.isStringLiteral(p.initializer)) return p.initializer.text;
        const d = ts.isIdentifier(p.initializer) && decls.get(p.initializer.text);
        const init = d && d.declarationList?.declarations[0].initializer;
        return init && ts.isStringLiteral(init) ? init.text : undefined;
      };
      const method = prop("method");
      const rpath = prop("path");
      routes.push({ call, method, rpath });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  if (!routes.length) continue;

  // Which file-local declarations move with the routes (transitively).
  const moved = new Set();
  const needImports = new Set();
  const pending = [];
  for (const r of routes) for (const id of refs(r.call.arguments[0])) pending.push(id);
  while (pending.length) {
    const id = pending.pop();
    if (decls.has(id)) {
      const st = decls.get(id);
      if (moved.has(st)) continue;
      moved.add(st);
      for (const x of refs(st)) pending.push(x);
    } else if (imports.has(id)) needImports.add(id);
  }
  const impure = [...needImports].filter((id) => !PURE(imports.get(id).spec));
  if (impure.length) {
    report.push(
      `${path}: SKIPPED, route definitions use ${impure.map((i) => `${i} (${imports.get(i).spec})`).join(", ")}`,
    );
    continue;
  }

  const contractPath = join("capabilities", cap, "contract.ts");
  const contractSrc = existsSync(contractPath) ? readFileSync(contractPath, "utf8") : "";
  const names = [];
  for (const r of routes) {
    const key = `${r.method} ${r.rpath}`;
    let name = NAMES[key] ?? guessName(r.method, r.rpath);
    if (usedNames.has(name)) name = name + pascal(r.method);
    // A service function of the same name lives beside the route: the route gets the suffix.
    if (
      imports.has(name) ||
      decls.has(name) ||
      new RegExp(`\\b(function|const) ${name}\\b`).test(src)
    )
      name += "Route";
    usedNames.add(name);
    r.name = name;
    names.push(name);
    report.push(`${path}: ${key} -> ${name}`);
  }
  if (dry) continue;

  // Contract additions: moved declarations (exported) in source order, then the routes.
  const movedList = sf.statements.filter((s) => moved.has(s));
  const movedText = movedList
    .map((st) => {
      const t = src.slice(st.getFullStart(), st.end).replace(/^\s*\n/, "\n");
      return /^\s*(\/\*\*[\s\S]*?\*\/\s*)?export /.test(t)
        ? t
        : t.replace(/^(\s*(?:\/\*\*[\s\S]*?\*\/\s*)?)(const|function)/, "$1export $2");
    })
    .join("\n");
  const routeText = routes
    .map((r) => {
      const body = src.slice(r.call.getStart(), r.call.end);
      return `\nexport const ${r.name} = ${body};\n`;
    })
    .join("");
  // Imports the contract needs, grouped by specifier (./contract is itself).
  const byspec = new Map();
  for (const id of needImports) {
    const { spec, typeOnly, imported } = imports.get(id);
    if (spec === "./contract") continue;
    if (!byspec.has(spec)) byspec.set(spec, new Set());
    byspec
      .get(spec)
      .add((typeOnly ? "type " : "") + (imported === id ? id : `${imported} as ${id}`));
  }
  byspec.set(
    "@hono/zod-openapi",
    new Set(
      [...(byspec.get("@hono/zod-openapi") ?? []), "createRoute", "z"].filter(
        (x) => x !== "OpenAPIHono",
      ),
    ),
  );
  // Drop names the contract already imports or defines.
  const csf = ts.createSourceFile(contractPath, contractSrc, ts.ScriptTarget.Latest, true);
  const have = new Set();
  for (const st of csf.statements) {
    if (
      ts.isImportDeclaration(st) &&
      st.importClause?.namedBindings &&
      ts.isNamedImports(st.importClause.namedBindings)
    )
      for (const el of st.importClause.namedBindings.elements) have.add(el.name.text);
    if (ts.isVariableStatement(st))
      for (const d of st.declarationList.declarations)
        if (ts.isIdentifier(d.name)) have.add(d.name.text);
    if (ts.isFunctionDeclaration(st) && st.name) have.add(st.name.text);
  }
  const importLines = [...byspec]
    .map(([spec, set]) => {
      const items = [...set].filter(
        (x) =>
          !have.has(
            x
              .replace(/^type /, "")
              .split(" as ")
              .pop(),
          ),
      );
      return items.length ? `import { ${items.join(", ")} } from "${spec}";\n` : "";
    })
    .join("");
  const lastImport = [...csf.statements].filter(ts.isImportDeclaration).pop();
  const cut = lastImport ? lastImport.end + 1 : 0;
  const newContract =
    contractSrc.slice(0, cut) + importLines + contractSrc.slice(cut) + movedText + routeText;
  writeFileSync(contractPath, newContract);

  // Route file: replace definitions by names, delete moved declarations, fix imports.
  const edits = [];
  for (const r of routes) edits.push([r.call.getStart(), r.call.end, r.name]);
  for (const st of movedList) edits.push([st.getFullStart(), st.end, ""]);
  edits.sort((a, b) => b[0] - a[0]);
  let out = src;
  for (const [s, e, t] of edits) out = out.slice(0, s) + t + out.slice(e);
  // Still-referenced identifiers after the edit.
  const osf = ts.createSourceFile(path, out, ts.ScriptTarget.Latest, true);
  const stillUsed = new Set();
  for (const st of osf.statements) if (!ts.isImportDeclaration(st)) refs(st, stillUsed);
  const movedNames = new Set(
    movedList.flatMap((st) =>
      ts.isVariableStatement(st)
        ? st.declarationList.declarations.map((d) => d.name.text)
        : [st.name.text],
    ),
  );
  const fromContract = new Set([...names, ...[...movedNames].filter((n) => stillUsed.has(n))]);
  // Rewrite import declarations: drop unused specifiers.
  const iedits = [];
  for (const st of osf.statements) {
    if (!ts.isImportDeclaration(st) || !st.importClause) continue;
    const nb = st.importClause.namedBindings;
    if (!nb || !ts.isNamedImports(nb) || st.importClause.name) continue;
    const keep = nb.elements.filter((el) => stillUsed.has(el.name.text));
    const spec = st.moduleSpecifier.text;
    let extra = [];
    if (spec === "./contract") {
      extra = [...fromContract].filter((n) => !keep.some((el) => el.name.text === n));
      fromContract.clear();
    }
    if (keep.length === nb.elements.length && !extra.length) continue;
    const items = [...keep.map((el) => el.getText(osf)), ...extra];
    const text = items.length
      ? `import ${st.importClause.isTypeOnly ? "type " : ""}{ ${items.join(", ")} } from "${spec}";`
      : "";
    iedits.push([st.getStart(), st.end, text]);
  }
  iedits.sort((a, b) => b[0] - a[0]);
  for (const [s, e, t] of iedits) out = out.slice(0, s) + t + out.slice(e);
  if (fromContract.size) {
    const fsf = ts.createSourceFile(path, out, ts.ScriptTarget.Latest, true);
    const li = [...fsf.statements].filter(ts.isImportDeclaration).pop();
    const at = li ? li.end : 0;
    out =
      out.slice(0, at) +
      `\nimport { ${[...fromContract].join(", ")} } from "./contract";` +
      out.slice(at);
  }
  writeFileSync(path, out);
}
console.log(report.join("\n"));
