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

/** Issue 17: the code that proves a new address before the account moves to it. */
export function emailChangeCodeMail(code: string, ttlMinutes: number): RenderedMail {
  const subject = `Confirm your new Gatehouse address: ${code}`;
  const text =
    `Someone signed in to Gatehouse asked to use this address for their account.\n\n` +
    `Enter this code to confirm: ${code}\n\n` +
    `It expires in ${ttlMinutes} minutes and works once. It cannot be used to sign in.\n` +
    `If you did not ask for this, ignore this email: nothing changes without the code.\n`;
  const html = layout(
    "Confirm your new address",
    `<p>Someone signed in to Gatehouse asked to use this address for their account. Enter this code to confirm:</p>
<p style="font-size: 2rem; font-weight: 700; letter-spacing: 0.3rem;">${escapeHtml(code)}</p>
<p>It expires in ${ttlMinutes} minutes and works once. It cannot be used to sign in.</p>
<p>If you did not ask for this, ignore this email: nothing changes without the code.</p>`,
  );
  return { subject, text, html };
}

/** Issue 17: sent to the address of an account that was just deleted. */
export function accountDeletedMail(when: string, notMeHint: string): RenderedMail {
  const subject = "Your Gatehouse account was deleted";
  const lead =
    "Your Gatehouse account was deleted: its sessions, passkeys and API tokens are gone, and tenants where you were the only member were deleted with their data.";
  const text = `${lead}\n\nTime: ${when}\n\n${notMeHint}\n`;
  const html = layout(
    "Account deleted",
    `<p>${escapeHtml(lead)}</p><p>Time: ${escapeHtml(when)}</p><p>${escapeHtml(notMeHint)}</p>`,
  );
  return { subject, text, html };
}

export interface LoginDetails {
  when: string;
  method: "email_code" | "passkey" | "qr";
  newDevice: boolean;
  device: string;
  browser: string;
  os: string;
  ip: string | null;
  location: string | null;
  notMeUrl: string;
}

const METHOD_LABEL = {
  email_code: "Email code",
  passkey: "Passkey",
  qr: "Approved from another signed-in device (QR code)",
} as const;

export function loginNotificationMail(d: LoginDetails): RenderedMail {
  const rows: [string, string][] = [
    ["Time", d.when],
    ["Method", METHOD_LABEL[d.method]],
    ["Device", `${d.device} · ${d.browser} · ${d.os}${d.newDevice ? " (new device)" : ""}`],
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
  /** "7 days" */
  expiresIn: string;
}

export function inviteMail(d: InviteDetails): RenderedMail {
  const subject = `You're invited to ${d.tenantName} on Gatehouse`;
  const text =
    `${d.inviterEmail} invited you to join ${d.tenantName} on Gatehouse as ${d.role}.\n\n` +
    `Accept the invitation: ${d.acceptUrl}\n\n` +
    `The link works once and expires in ${d.expiresIn}. You will sign in (or sign up) ` +
    `with this email address first.\nIf you did not expect this, you can ignore this email.\n`;
  const html = layout(
    `Join ${d.tenantName}`,
    `<p>${escapeHtml(d.inviterEmail)} invited you to join <strong>${escapeHtml(d.tenantName)}</strong> on Gatehouse as <strong>${escapeHtml(d.role)}</strong>.</p>
<p><a href="${escapeHtml(d.acceptUrl)}" style="display: inline-block; padding: 0.75rem 1rem; background: #1a4fd8; color: #fff; text-decoration: none; border-radius: 0.5rem;">Accept the invitation</a></p>
<p>The link works once and expires in ${escapeHtml(d.expiresIn)}. You will sign in (or sign up) with this email address first.</p>
<p>If you did not expect this, you can ignore this email.</p>`,
  );
  return { subject, text, html };
}

/** The security-email kinds (issue 11); `email_changed` is ready for when email changes land. */
export type SecurityNoticeKind =
  | "passkey_added"
  | "passkey_removed"
  | "not_me_revoke_all"
  | "admin_token_created"
  | "role_changed"
  | "removed_from_tenant"
  | "email_changed"
  | "email_change_reverted";

type Detail = Record<string, string | number | null | undefined>;

const str = (v: unknown, fallback = "unknown") =>
  typeof v === "string" && v.length > 0 ? v : typeof v === "number" ? String(v) : fallback;

/** Subject, the sentence saying what happened, and the facts to list. */
function describeNotice(
  kind: SecurityNoticeKind,
  d: Detail,
): {
  subject: string;
  title: string;
  lead: string;
  rows: [string, string][];
  /** The link's label, when it does more than sign out everywhere. */
  action?: string;
} {
  switch (kind) {
    case "passkey_added":
      return {
        subject: "A passkey was added to your Gatehouse account",
        title: "New passkey added",
        lead: "A passkey was added to your account. It can now be used to sign in as you.",
        rows: [["Passkey", str(d.name)]],
      };
    case "passkey_removed":
      return {
        subject: "A passkey was removed from your Gatehouse account",
        title: "Passkey removed",
        lead: "A passkey was removed from your account. It can no longer be used to sign in.",
        rows: [["Passkey", str(d.name)]],
      };
    case "not_me_revoke_all":
      return {
        subject: "Every session of your Gatehouse account was signed out",
        title: "All sessions signed out",
        lead: "Someone used a “this wasn't me” link from one of our emails: every session of your account was signed out.",
        rows: [["Sessions signed out", str(d.sessions, "0")]],
      };
    case "admin_token_created":
      return {
        subject: `An ${str(d.role)} API token was created in ${str(d.tenant_name)}`,
        title: `New ${str(d.role)} API token`,
        lead: `An API token with the ${str(d.role)} role was created in your name. Whoever holds it can act with that role until it is revoked or expires.`,
        rows: [
          ["Tenant", str(d.tenant_name)],
          ["Token", str(d.token_name)],
          ["Role", str(d.role)],
          ["Expires", str(d.expires_at, "never")],
        ],
      };
    case "role_changed":
      return {
        subject: `Your role in ${str(d.tenant_name)} changed to ${str(d.to)}`,
        title: "Your role changed",
        lead: `Your role in ${str(d.tenant_name)} was changed from ${str(d.from)} to ${str(d.to)}.`,
        rows: [
          ["Tenant", str(d.tenant_name)],
          ["Changed by", str(d.by)],
        ],
      };
    case "removed_from_tenant":
      return {
        subject: `You were removed from ${str(d.tenant_name)}`,
        title: "Removed from a tenant",
        lead: `You are no longer a member of ${str(d.tenant_name)}; your API tokens there were revoked.`,
        rows: [
          ["Tenant", str(d.tenant_name)],
          ["Removed by", str(d.by)],
        ],
      };
    case "email_changed":
      return {
        subject: "The email address of your Gatehouse account changed",
        title: "Email address changed",
        lead: "The email address of your Gatehouse account was changed: sign-in codes and notices now go to the new address.",
        rows: [
          ["Previous address", str(d.from)],
          ["New address", str(d.to)],
        ],
        action: "This wasn't me: put my old address back and sign out everywhere",
      };
    case "email_change_reverted":
      return {
        subject: "Your Gatehouse address was put back",
        title: "Email address put back",
        lead: `A “this wasn't me” link put your address back to ${str(d.from)} and signed out every session.`,
        rows: [
          ["Address now", str(d.from)],
          ["Address removed", str(d.to)],
          ["Sessions signed out", str(d.sessions, "0")],
          ["Passkeys removed", str(d.passkeys_removed, "0")],
        ],
      };
  }
}

/** A security email: what happened, when, and the signed "this wasn't me" link. */
export function securityNoticeMail(
  kind: SecurityNoticeKind,
  detail: Detail,
  when: string,
  notMeUrl: string,
): RenderedMail {
  const n = describeNotice(kind, detail);
  const rows: [string, string][] = [["Time", when], ...n.rows];
  // A constant of describeNotice (never user text), so it goes into the HTML as written.
  const action = n.action ?? "This wasn't me: sign out everywhere";
  const text =
    `${n.lead}\n\n` +
    rows.map(([k, v]) => `${k}: ${v}`).join("\n") +
    `\n\nIf this was you, there is nothing to do.\n` +
    `If this wasn't you, sign out every session now: ${notMeUrl}\n` +
    (n.action ? `The same link puts your previous address back.\n` : "");
  const table = rows
    .map(
      ([k, v]) =>
        `<tr><th scope="row" style="text-align: left; padding-right: 1rem;">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`,
    )
    .join("\n");
  const html = layout(
    n.title,
    `<p>${escapeHtml(n.lead)}</p>
<table>${table}</table>
<p>If this was you, there is nothing to do.</p>
<p><a href="${escapeHtml(notMeUrl)}" style="display: inline-block; padding: 0.75rem 1rem; background: #b00020; color: #fff; text-decoration: none; border-radius: 0.5rem;">${action}</a></p>`,
  );
  return { subject: n.subject, text, html };
}

export interface ApprovalLinkDetails {
  tool: string;
  expiresAt: string;
  url: string;
}

/** The one-time approval link, mailed to the member who asked for it (to open on a phone). */
export function approvalLinkMail(d: ApprovalLinkDetails): RenderedMail {
  const subject = `Approve or deny: ${d.tool}`;
  const text =
    `An agent is waiting for your decision on a call to ${d.tool}.\n\n` +
    `Review it and decide: ${d.url}\n\n` +
    `The link works once, for you only, and expires ${d.expiresAt}.\n`;
  const html = layout(
    "An agent is waiting for you",
    `<p>An agent is waiting for your decision on a call to <strong>${escapeHtml(d.tool)}</strong>.</p>
<p><a href="${escapeHtml(d.url)}" style="display: inline-block; padding: 0.75rem 1rem; background: #1a4fd8; color: #fff; text-decoration: none; border-radius: 0.5rem;">Review and decide</a></p>
<p>The link works once, for you only, and expires ${escapeHtml(d.expiresAt)}.</p>`,
  );
  return { subject, text, html };
}
