import { z } from "zod";
import { escapeHtml } from "../../../../core/html";
import { toolError, type BuiltinTool } from "./types";

const Args = z.object({
  to: z.email().max(254),
  subject: z.string().min(1).max(200),
  text: z.string().min(1).max(20_000),
});

export const sendEmail: BuiltinTool = {
  spec: {
    name: "send_email",
    description:
      "Send a plain-text email on the tenant's behalf (a person usually approves it first).",
    input_schema: {
      type: "object",
      properties: { to: { type: "string" }, subject: { type: "string" }, text: { type: "string" } },
      required: ["to", "subject", "text"],
    },
  },
  declared: () => ({ scope: ["email:send"], reversible: false, has_shadow: true }),
  safeToRepeat: () => false,
  async execute(ctx, args) {
    const parsed = Args.safeParse(args);
    if (!parsed.success) return toolError("send_email needs to (an address), subject and text.");
    await ctx.vault.rememberAll();
    const text = ctx.vault.mask(parsed.data.text);
    if (text !== parsed.data.text)
      return toolError("The email contains a vault secret; it was not sent.");
    const sent = await ctx.ports.mailer.send({
      to: parsed.data.to,
      subject: parsed.data.subject,
      text,
      html: `<pre style="font-family: inherit; white-space: pre-wrap">${escapeHtml(text)}</pre>`,
      idempotencyKey: `${ctx.sessionId}:${ctx.now}`,
    });
    return sent.ok
      ? {
          content: `sent to ${parsed.data.to}`,
          isError: false,
          record: { to: parsed.data.to, id: sent.id },
          warnings: [],
        }
      : toolError(`sending failed: ${sent.error}`);
  },
};
