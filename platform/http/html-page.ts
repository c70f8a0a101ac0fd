import { escapeHtml } from "../../core/html";

/** A small server-rendered page (link landings, dev outbox) in the console's stylesheet. */
export function htmlPage(title: string, bodyHtml: string, status = 200): Response {
  return new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/app.css"></head><body><main class="narrow"><h1>${escapeHtml(title)}</h1>${bodyHtml}</main></body></html>`,
    { status, headers: { "content-type": "text/html; charset=utf-8" } },
  );
}
