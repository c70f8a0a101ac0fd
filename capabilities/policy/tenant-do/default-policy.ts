/**
 * The policy a new tenant starts with (version 1, author "system"). Hosted sessions may read the
 * web and their memory and ask for secrets; sending email, anything unusual (including the first
 * time a secret goes to a destination) and anything unknown needs a person's approval until the
 * tenant writes its own rules. Safe by default, never silent.
 */
export const DEFAULT_TENANT_POLICY = `version: 1
defaults:
  on_no_match: approve_required
  on_missing_shadow: approve_required
rules:
  - id: anomalies-need-approval
    description: >-
      A secret or memory read followed by a new host, a burst of hosts, or a secret about to be
      sent to a destination it has never been sent to.
    priority: 200
    match:
      context.extra.anomalies.contains_any:
        [sensitive_read_then_new_host, egress_burst, secret_new_destination]
    decision: approve_required
    approvers: [owner, admin, operator]
    reason: "unusual pattern for this session: a person must confirm"
  - id: email-needs-approval
    description: Sending email on the tenant's behalf always needs a person.
    priority: 100
    match: { tool: send_email }
    decision: approve_required
    approvers: [owner, admin, operator]
    reason: "sending email needs a person's approval"
  - id: memory-and-secret-requests
    match: { tool.in: [memory_get, memory_put, ask_secret] }
    decision: allow
  - id: web-reads
    match:
      tool: http_fetch
      any_of:
        - { args.method: GET }
        - { args.method: null }
    decision: allow
`;
