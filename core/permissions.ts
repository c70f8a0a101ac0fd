/**
 * The tenant permission matrix: the one place that says which role may do what. Every tenant
 * route asks `can(role, action)`; the README table is rendered from `PERMISSION_MATRIX` by
 * `permissionMatrixMarkdown()` and a test keeps the two identical.
 */
export const ROLES = ["owner", "admin", "operator", "viewer", "auditor"] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  "tenant.read",
  "tenant.rename",
  "tenant.delete",
  "tenant.transfer",
  "members.read",
  "members.invite",
  "members.change_role",
  "members.remove",
  "tokens.read",
  "tokens.create",
  "tokens.revoke",
  "secrets.read_metadata",
  "secrets.write",
  "secrets.delete",
  "secrets.bind",
  "providers.read",
  "providers.configure",
  "keys.read",
  "keys.rotate_dek",
  "keys.rewrap",
  "policies.read",
  "policies.write",
  "policies.activate",
  "runs.read",
  "runs.create",
  "runs.cancel",
  "runs.complete",
  "steps.propose",
  "steps.report",
  "approvals.read",
  "approvals.decide",
  "approvals.configure",
  "audit.read",
  "audit.export",
  "audit.configure",
  "audit.rotate_log_key",
  "agent_sessions.read",
  "agent_sessions.create",
] as const;
export type Action = (typeof ACTIONS)[number];

export const ACTION_DESCRIPTIONS: Readonly<Record<Action, string>> = {
  "tenant.read": "See the tenant's name and your role",
  "tenant.rename": "Rename the tenant",
  "tenant.delete": "Delete the tenant (crypto-shreds the vault; step-up)",
  "tenant.transfer": "Offer the tenant's ownership to a member, or withdraw the offer (step-up)",
  "members.read": "List members",
  "members.invite": "Invite people by email, list and cancel invites",
  "members.change_role": "Change a member's role",
  "members.remove": "Remove a member (step-up)",
  "tokens.read": "List API tokens",
  "tokens.create": "Create API tokens",
  "tokens.revoke": "Revoke API tokens",
  "secrets.read_metadata": "List secret names, versions and `***last4`",
  "secrets.write": "Store a secret or a new version, answer ask_secret",
  "secrets.delete": "Delete a secret",
  "secrets.bind": "Change where a secret may be sent (its destinations; step-up)",
  "providers.read": "See the tenant's model providers",
  "providers.configure": "Configure model providers and bind their keys (step-up)",
  "keys.read": "Vault key status",
  "keys.rotate_dek": "Rotate the tenant's data-encryption key (step-up)",
  "keys.rewrap": "Rewrap the tenant's DEKs under the active KEK (step-up)",
  "policies.read": "Read policies",
  "policies.write": "Edit policies",
  "policies.activate": "Activate a policy version",
  "runs.read": "Read runs and traces",
  "runs.create": "Open runs",
  "runs.cancel": "Cancel runs",
  "runs.complete": "Complete runs",
  "steps.propose": "Propose tool calls (and ask for secrets)",
  "steps.report": "Report tool results",
  "approvals.read": "See pending approvals",
  "approvals.decide": "Approve or deny",
  "approvals.configure": "Send approval requests to a webhook (Slack-compatible)",
  "audit.read": "Browse and verify the audit log",
  "audit.export": "Export the audit log",
  "audit.configure":
    "Configure the transparency log: witnesses, public verification data, SIEM sinks",
  "audit.rotate_log_key": "Rotate the audit log's signing key (step-up)",
  "agent_sessions.read": "See hosted agent sessions",
  "agent_sessions.create": "Start hosted agent sessions",
};

const EVERYTHING: readonly Action[] = ACTIONS;

const OPERATOR: readonly Action[] = [
  "tenant.read",
  "members.read",
  "secrets.read_metadata",
  "secrets.write",
  "providers.read",
  "policies.read",
  "runs.read",
  "runs.create",
  "runs.cancel",
  "runs.complete",
  "steps.propose",
  "steps.report",
  "approvals.read",
  "approvals.decide",
  "agent_sessions.read",
  "agent_sessions.create",
];

/** Read-only on the work itself; no secrets metadata, keys, tokens or audit. */
const VIEWER: readonly Action[] = [
  "tenant.read",
  "members.read",
  "providers.read",
  "policies.read",
  "runs.read",
  "approvals.read",
  "agent_sessions.read",
];

/** Read-only on everything, including secrets metadata, keys and tokens; reads and exports audit. */
const AUDITOR: readonly Action[] = [
  "tenant.read",
  "members.read",
  "tokens.read",
  "secrets.read_metadata",
  "providers.read",
  "keys.read",
  "policies.read",
  "runs.read",
  "approvals.read",
  "audit.read",
  "audit.export",
  "agent_sessions.read",
];

export const PERMISSION_MATRIX: Readonly<Record<Role, ReadonlySet<Action>>> = Object.freeze({
  owner: new Set(EVERYTHING),
  admin: new Set(EVERYTHING.filter((a) => a !== "tenant.delete" && a !== "tenant.transfer")),
  operator: new Set(OPERATOR),
  viewer: new Set(VIEWER),
  auditor: new Set(AUDITOR),
});

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function can(role: Role, action: Action): boolean {
  return PERMISSION_MATRIX[role].has(action);
}

/**
 * Whether someone with `actor` may hand out (invite, token, role change) or take away (remove,
 * demote, revoke) the role `target`: only when `target` can do nothing that `actor` cannot. So
 * nobody grants more than they have, an admin can neither grant nor remove owner, and an operator
 * cannot mint auditor tokens (auditors may export audit, operators may not).
 */
export function canGrant(actor: Role, target: Role): boolean {
  const mine = PERMISSION_MATRIX[actor];
  for (const action of PERMISSION_MATRIX[target]) if (!mine.has(action)) return false;
  return true;
}

/** The roles `actor` may grant. */
export function grantableRoles(actor: Role): Role[] {
  return ROLES.filter((r) => canGrant(actor, r));
}

/** The matrix as a Markdown table (actions down, roles across), for the README. */
export function permissionMatrixMarkdown(): string {
  const header = `| action | ${ROLES.join(" | ")} | what it allows |`;
  const rule = `| --- | ${ROLES.map(() => ":---:").join(" | ")} | --- |`;
  const rows = ACTIONS.map(
    (a) =>
      `| \`${a}\` | ${ROLES.map((r) => (can(r, a) ? "✓" : "")).join(" | ")} | ${ACTION_DESCRIPTIONS[a]} |`,
  );
  return [header, rule, ...rows].join("\n") + "\n";
}
