import { escapeHtml } from "../../core/html";

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

function layout(title: string, bodyHtml: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(title)}</title></head>
<body style="font-family: system-ui, sans-serif; font-size: 16px; line-height: 1.5; color: #111; max-width: 36rem; margin: 0 auto; padding: 1rem;">
<h1 style="font-size: 1.25rem;">${escapeHtml(title)}</h1>
${bodyHtml}
<p style="color: #555; font-size: 0.875rem;">Gatehouse</p>
</body></html>`;
}

export function otpMail(code: string, ttlMinutes: number): RenderedMail {
  const subject = `Your Gatehouse code: ${code}`;
  const text =
    `Your Gatehouse sign-in code is ${code}\n\n` +
    `It expires in ${ttlMinutes} minutes and works once.\n` +
    `If you did not ask for it, you can ignore this email: nobody can sign in without the code.\n`;
  const html = layout(
    "Your sign-in code",
    `<p>Enter this code to continue:</p>
<p style="font-size: 2rem; font-weight: 700; letter-spacing: 0.3rem;" aria-label="Code ${code.split("").join(" ")}">${escapeHtml(code)}</p>
<p>It expires in ${ttlMinutes} minutes and works once.</p>
<p>If you did not ask for it, you can ignore this email: nobody can sign in without the code.</p>`,
  );
  return { subject, text, html };
}

export interface LoginDetails {
  when: string;
  method: "email_code" | "passkey";
  device: string;
  browser: string;
  os: string;
  ip: string | null;
  location: string | null;
  notMeUrl: string;
}

const METHOD_LABEL = { email_code: "Email code", passkey: "Passkey" } as const;

export function loginNotificationMail(d: LoginDetails): RenderedMail {
  const rows: [string, string][] = [
    ["Time", d.when],
    ["Method", METHOD_LABEL[d.method]],
    ["Device", `${d.device} · ${d.browser} · ${d.os}`],
    ["IP address", d.ip ?? "unknown"],
    ["Approximate location", d.location ?? "unknown"],
  ];
  const text =
    "There was a new sign-in to your Gatehouse account.\n\n" +
    rows.map(([k, v]) => `${k}: ${v}`).join("\n") +
    `\n\nIf this was you, there is nothing to do.\n` +
    `If this wasn't you, sign out every session now: ${d.notMeUrl}\n`;
  const table = rows
    .map(
      ([k, v]) =>
        `<tr><th scope="row" style="text-align: left; padding-right: 1rem;">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`,
    )
    .join("\n");
  const html = layout(
    "New sign-in to your account",
    `<table>${table}</table>
<p>If this was you, there is nothing to do.</p>
<p><a href="${escapeHtml(d.notMeUrl)}" style="display: inline-block; padding: 0.75rem 1rem; background: #b00020; color: #fff; text-decoration: none; border-radius: 0.5rem;">This wasn't me: sign out everywhere</a></p>`,
  );
  return { subject: "New sign-in to Gatehouse", text, html };
}

export interface InviteDetails {
  tenantName: string;
  inviterEmail: string;
  role: string;
  acceptUrl: string;
  expiresInDays: number;
}

export function inviteMail(d: InviteDetails): RenderedMail {
  const subject = `You're invited to ${d.tenantName} on Gatehouse`;
  const text =
    `${d.inviterEmail} invited you to join ${d.tenantName} on Gatehouse as ${d.role}.\n\n` +
    `Accept the invitation: ${d.acceptUrl}\n\n` +
    `The link works once and expires in ${d.expiresInDays} days. You will sign in (or sign up) ` +
    `with this email address first.\nIf you did not expect this, you can ignore this email.\n`;
  const html = layout(
    `Join ${d.tenantName}`,
    `<p>${escapeHtml(d.inviterEmail)} invited you to join <strong>${escapeHtml(d.tenantName)}</strong> on Gatehouse as <strong>${escapeHtml(d.role)}</strong>.</p>
<p><a href="${escapeHtml(d.acceptUrl)}" style="display: inline-block; padding: 0.75rem 1rem; background: #1a4fd8; color: #fff; text-decoration: none; border-radius: 0.5rem;">Accept the invitation</a></p>
<p>The link works once and expires in ${d.expiresInDays} days. You will sign in (or sign up) with this email address first.</p>
<p>If you did not expect this, you can ignore this email.</p>`,
  );
  return { subject, text, html };
}
