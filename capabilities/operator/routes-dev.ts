import { iso } from "../../core/time";
import { Hono } from "hono";
import { escapeHtml } from "../../core/html";
import { errors } from "../../platform/http/errors";
import type { AppEnv } from "../login-sessions/app-env";
import { htmlPage } from "../../platform/http/html-page";

/** Development-only mailbox: every email the product would have sent, newest first. */
export const devRoutes = new Hono<AppEnv>();

interface OutboxRow {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  created_at: number;
}

devRoutes.get("/dev/outbox", async (c) => {
  if (c.var.config.environment !== "development") throw errors.notFound("Page");
  const { results } = await c.env.DB.prepare(
    "SELECT id, `to`, subject, text, html, created_at FROM dev_outbox ORDER BY created_at DESC, rowid DESC LIMIT 200",
  ).all<OutboxRow>();
  const messages = results.map((m) => ({ ...m, created_at: iso(m.created_at) }));
  if ((c.req.header("accept") ?? "").includes("application/json")) return c.json(messages);
  const items = messages
    .map(
      (m) => `<article><h2>${escapeHtml(m.subject)}</h2>
<p class="meta">To ${escapeHtml(m.to)} · ${escapeHtml(m.created_at)}</p><pre>${escapeHtml(m.text)}</pre></article>`,
    )
    .join("\n");
  return htmlPage(
    "Dev outbox",
    `<p>Emails are not sent in development; they land here (newest first).</p>
${items || "<p>No messages yet.</p>"}`,
  );
});
