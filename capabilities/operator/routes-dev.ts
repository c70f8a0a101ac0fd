import { iso } from "../../core/time";
import { Hono } from "hono";
import { escapeHtml } from "../../core/html";
import { errors } from "../../platform/http/errors";
import type { AppEnv } from "../login-sessions/app-env";
import { htmlPage } from "../../platform/http/html-page";
import { database } from "../../platform/db/client";
import { latestDevMail } from "./repository";

/** Development-only mailbox: every email the product would have sent, newest first. */
export const devRoutes = new Hono<AppEnv>();

devRoutes.get("/dev/outbox", async (c) => {
  if (c.var.config.environment !== "development") throw errors.notFound("Page");
  const rows = await latestDevMail(database(c.env.DB), 200);
  const messages = rows.map(({ createdAt, ...m }) => ({ ...m, created_at: iso(createdAt) }));
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
