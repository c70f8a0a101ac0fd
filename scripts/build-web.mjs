// Builds the console SPA (web/src) into web/dist: app.js, app.css, index.html and _headers.
// `node scripts/build-web.mjs --watch` rebuilds on change (wrangler dev serves web/dist).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build, context } from "esbuild";

const OUT = "web/dist";
const watch = process.argv.includes("--watch");

// Same policy the Worker sends on its own responses (workers/middleware/security-headers.ts).
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; " +
  "form-action 'self'; frame-ancestors 'none'";

// Static, no inline script or style: the CSP above forbids both.
const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
    <meta name="color-scheme" content="light dark" />
    <meta name="referrer" content="no-referrer" />
    <title>Gatehouse</title>
    <link rel="stylesheet" href="/app.css" />
    <script type="module" src="/app.js"></script>
  </head>
  <body>
    <div id="app">
      <noscript><p class="narrow">The Gatehouse console needs JavaScript.</p></noscript>
    </div>
  </body>
</html>
`;

// Workers static-assets headers file: applies to every asset and the SPA fallback page.
const HEADERS = `/*
  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}
  X-Content-Type-Options: nosniff
  X-Frame-Options: DENY
  Referrer-Policy: no-referrer
  Strict-Transport-Security: max-age=63072000; includeSubDomains; preload
`;

/**
 * The console imports route definitions from `capabilities/*\/contract.ts` for their types; at run
 * time the typed client (core/contract/client.ts) reads only each definition's `method` and `path`.
 * So the browser gets each contract as that table alone, computed here from the real module, and
 * none of zod, @hono/zod-openapi or the schemas (about 90 KB gzipped). Importing anything else
 * from a contract is then a build error ("No matching export"), not a silent copy.
 */
const routeTables = {
  name: "contract-route-tables",
  setup(plugin) {
    plugin.onLoad({ filter: /[\\/]capabilities[\\/][^\\/]+[\\/]contract\.ts$/ }, async (args) => {
      const dir = mkdtempSync(join(tmpdir(), "gatehouse-contract-"));
      try {
        const file = join(dir, "contract.mjs");
        await build({
          entryPoints: [args.path],
          outfile: file,
          bundle: true,
          platform: "node",
          format: "esm",
          logLevel: "warning",
        });
        const mod = await import(pathToFileURL(file).href);
        const lines = Object.entries(mod)
          .filter(
            ([, v]) =>
              typeof v === "object" && v && "method" in v && "path" in v && "responses" in v,
          )
          .map(
            ([name, v]) =>
              `export const ${name} = ${JSON.stringify({ method: v.method, path: v.path })};`,
          );
        return { contents: lines.join("\n"), loader: "js" };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  },
};

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
writeFileSync(`${OUT}/index.html`, INDEX_HTML);
writeFileSync(`${OUT}/_headers`, HEADERS);

const ctx = await context({
  entryPoints: [
    { in: "web/src/main.tsx", out: "app" },
    { in: "web/src/styles.css", out: "app" },
  ],
  outdir: OUT,
  bundle: true,
  format: "esm",
  // The policy engine (live lint) and the audit verifier load on demand, in their own chunks.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  target: ["es2022", "safari16"],
  minify: !watch,
  sourcemap: watch ? "linked" : false,
  jsx: "automatic",
  jsxImportSource: "hono/jsx/dom",
  legalComments: "none",
  logLevel: "warning",
  metafile: true,
  plugins: [routeTables],
});

if (watch) {
  await ctx.watch();
  console.log(`Watching web/src → ${OUT}`);
} else {
  try {
    const result = await ctx.rebuild();
    const sizes = Object.entries(result.metafile.outputs)
      .map(([file, { bytes }]) => `${file.replace(`${OUT}/`, "")} ${(bytes / 1024).toFixed(1)} KiB`)
      .join(", ");
    console.log(`Built the console into ${OUT}: ${sizes}`);
  } catch {
    // esbuild has already printed the errors.
    process.exitCode = 1;
  } finally {
    await ctx.dispose();
  }
}
