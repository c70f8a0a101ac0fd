import type { Role } from "./permissions";

/**
 * The one list of sensitive operations. Each needs a person (never an API token) whose session
 * was confirmed within `STEP_UP_WINDOW_MS` by a method they already had before: a passkey that
 * existed before the session's last confirmation, or a code to the confirmed email. The Worker's
 * routes enforce it (`always` operations inside the tenant gate itself), the console asks
 * "Confirm it's you" before them, and docs/permissions.md renders this list.
 *
 * `when` is the condition under which the operation is sensitive; `route: false` marks an
 * operation that has no route yet (it is listed so the route that adds it must check it).
 */
export const STEP_UP_WINDOW_MS = 10 * 60 * 1000;

export interface StepUpOperation {
  readonly description: string;
  readonly when: "always" | "elevated_role" | "overwrite";
  readonly route: boolean;
}

export const STEP_UP_OPERATIONS = {
  "passkeys.add": { description: "Add a passkey (a sign-in method)", when: "always", route: true },
  "passkeys.remove": { description: "Remove a passkey", when: "always", route: true },
  "account.change_email": {
    description: "Change your email address",
    when: "always",
    route: true,
  },
  "account.delete": { description: "Delete your account", when: "always", route: true },
  "account.approve_device_sign_in": {
    description: "Sign in another device by approving its code (QR sign-in)",
    when: "always",
    route: true,
  },
  "tenant.delete": { description: "Delete the tenant", when: "always", route: true },
  "tenant.transfer": {
    description: "Offer the tenant's ownership to another member (they must accept)",
    when: "always",
    route: true,
  },
  "members.change_role": {
    description: "Make a member owner or admin, or change an owner's or admin's role",
    when: "elevated_role",
    route: true,
  },
  "members.remove": { description: "Remove a member", when: "always", route: true },
  "members.invite": { description: "Invite an owner or admin", when: "elevated_role", route: true },
  "tokens.create": {
    description: "Create an owner or admin API token",
    when: "elevated_role",
    route: true,
  },
  "secrets.write": {
    description: "Overwrite an existing secret (also by answering a secret request)",
    when: "overwrite",
    route: true,
  },
  "secrets.delete": { description: "Delete a secret", when: "always", route: true },
  "secrets.bind": {
    description: "Change the destinations a secret may be sent to",
    when: "always",
    route: true,
  },
  "providers.configure": {
    description: "Change the tenant's model provider settings",
    when: "always",
    route: true,
  },
  "policies.activate": { description: "Activate a policy version", when: "always", route: true },
  "keys.rotate_dek": { description: "Rotate the tenant's DEK", when: "always", route: true },
  "keys.rewrap": { description: "Rewrap the tenant's DEKs", when: "always", route: true },
  "audit.rotate_log_key": {
    description: "Rotate the tenant's audit-log signing key",
    when: "always",
    route: true,
  },
} as const satisfies Record<string, StepUpOperation>;

export type StepUpOperationName = keyof typeof STEP_UP_OPERATIONS;

export const STEP_UP_OPERATION_NAMES = Object.keys(STEP_UP_OPERATIONS) as StepUpOperationName[];

export function isStepUpOperation(name: string): name is StepUpOperationName {
  return Object.hasOwn(STEP_UP_OPERATIONS, name);
}

/** Operations that are sensitive whatever their input (the tenant gate enforces these). */
export function alwaysNeedsStepUp(name: string): boolean {
  return isStepUpOperation(name) && STEP_UP_OPERATIONS[name].when === "always";
}

/** Roles whose granting, changing or minting is sensitive. */
export const ELEVATED_ROLES: readonly Role[] = ["owner", "admin"];

export const isElevatedRole = (role: Role): boolean => ELEVATED_ROLES.includes(role);

/** Whether a session confirmed at `confirmedAt` may still do sensitive operations at `now`. */
export const stepUpFresh = (confirmedAt: number, now: number): boolean =>
  now - confirmedAt <= STEP_UP_WINDOW_MS;

/**
 * Whether a passkey created at `credentialCreatedAt` may confirm a session last confirmed at
 * `confirmedAt`: only one the person already had then. A passkey added during the session can
 * never mint step-up for it (a stolen session cannot bootstrap itself); a fresh email code or a
 * new sign-in can.
 */
export const credentialMayStepUp = (credentialCreatedAt: number, confirmedAt: number): boolean =>
  credentialCreatedAt <= confirmedAt;

const CONDITIONS: Record<StepUpOperation["when"], string> = {
  always: "always",
  elevated_role: "when the role is owner or admin",
  overwrite: "when a value already exists",
};

/** The list as a Markdown table, for docs/permissions.md. */
export function stepUpMarkdown(): string {
  const rows = STEP_UP_OPERATION_NAMES.map((name) => {
    const op: StepUpOperation = STEP_UP_OPERATIONS[name];
    return `| \`${name}\` | ${op.description} | ${CONDITIONS[op.when]} | ${op.route ? "" : "no route yet"} |`;
  });
  return (
    ["| operation | what | when | note |", "| --- | --- | --- | --- |", ...rows].join("\n") + "\n"
  );
}
