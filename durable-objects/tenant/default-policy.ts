/**
 * The policy a new tenant starts with (version 1, author "system"): nothing runs without a
 * person's approval until the tenant writes its own rules. Safe by default, never silent.
 */
export const DEFAULT_TENANT_POLICY = `version: 1
defaults:
  on_no_match: approve_required
  on_missing_shadow: approve_required
rules:
  - id: email-needs-approval
    description: Sending email on the tenant's behalf always needs a person.
    priority: 100
    match: { tool: send_email }
    decision: approve_required
    approvers: [owner, admin, operator]
    reason: "sending email needs a person's approval"
`;
