/**
 * Detectors for provider credentials pasted into text. Findings carry spans, never values, so
 * they can be logged, returned and audited safely.
 *
 * Not detected on purpose: Stripe publishable keys (`pk_live_…`, `pk_test_…`), which are
 * designed to be embedded in web pages, and other public identifiers (AWS key ids are the
 * exception: an access key id is refused because it is almost always pasted with its secret).
 */
export type SecretProvider =
  | "anthropic"
  | "openai"
  | "stripe"
  | "github"
  | "aws"
  | "google"
  | "slack"
  | "resend"
  | "private_key"
  | "gatehouse";

export type SecretKind =
  | "anthropic_api_key"
  | "anthropic_admin_key"
  | "anthropic_oauth_token"
  | "openai_api_key"
  | "openai_project_key"
  | "openai_service_account_key"
  | "openai_admin_key"
  | "stripe_secret_key"
  | "stripe_restricted_key"
  | "stripe_webhook_secret"
  | "github_token"
  | "github_fine_grained_token"
  | "aws_access_key_id"
  | "aws_secret_access_key"
  | "google_api_key"
  | "slack_token"
  | "slack_app_token"
  | "resend_api_key"
  | "private_key"
  | "gatehouse_api_token";

export interface SecretFinding {
  kind: SecretKind;
  provider: SecretProvider;
  /** UTF-16 offsets into the scanned text: `text.slice(start, end)` is the credential. */
  start: number;
  end: number;
}

interface Detector {
  kind: SecretKind;
  provider: SecretProvider;
  /** With its article, for messages: "an Anthropic API key". */
  label: string;
  /** Global, with the `d` flag when `group` names the credential inside a larger match. */
  regex: RegExp;
  group?: number;
  /** Extra check on the matched value, for prefixes that ordinary identifiers could share. */
  accept?: (value: string) => boolean;
}

// Not preceded by a character that would make the prefix part of a longer word or token.
const B = String.raw`(?<![A-Za-z0-9_-])`;
// Not followed by more token characters (a longer run is a different, non-matching string).
const E = String.raw`(?![A-Za-z0-9_-])`;
const E_ALNUM = String.raw`(?![A-Za-z0-9])`;

/** True for strings mixing at least two of lower case, upper case and digits (random-looking). */
export function looksRandom(value: string): boolean {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((re) => re.test(value)).length;
  return classes >= 2;
}

const re = (source: string, flags = "g"): RegExp => new RegExp(source, flags);

const DETECTORS: readonly Detector[] = [
  {
    kind: "anthropic_api_key",
    provider: "anthropic",
    label: "an Anthropic API key",
    regex: re(String.raw`${B}sk-ant-api\d{2}-[A-Za-z0-9_-]{32,}`),
  },
  {
    kind: "anthropic_admin_key",
    provider: "anthropic",
    label: "an Anthropic admin key",
    regex: re(String.raw`${B}sk-ant-admin\d{2}-[A-Za-z0-9_-]{32,}`),
  },
  {
    kind: "anthropic_oauth_token",
    provider: "anthropic",
    label: "an Anthropic OAuth token",
    regex: re(String.raw`${B}sk-ant-o[ar]t\d{2}-[A-Za-z0-9_-]{32,}`),
  },
  {
    kind: "openai_project_key",
    provider: "openai",
    label: "an OpenAI project API key",
    regex: re(String.raw`${B}sk-proj-[A-Za-z0-9_-]{32,}`),
  },
  {
    kind: "openai_service_account_key",
    provider: "openai",
    label: "an OpenAI service account key",
    regex: re(String.raw`${B}sk-svcacct-[A-Za-z0-9_-]{32,}`),
  },
  {
    kind: "openai_admin_key",
    provider: "openai",
    label: "an OpenAI admin key",
    regex: re(String.raw`${B}sk-admin-[A-Za-z0-9_-]{32,}`),
  },
  {
    // Legacy user keys (sk- + 48 alphanumerics, usually containing "T3BlbkFJ") and sk-None-.
    kind: "openai_api_key",
    provider: "openai",
    label: "an OpenAI API key",
    regex: re(String.raw`${B}sk-(?:None-)?[A-Za-z0-9]{32,}${E}`),
    accept: looksRandom,
  },
  {
    kind: "stripe_secret_key",
    provider: "stripe",
    label: "a Stripe secret key",
    regex: re(String.raw`${B}sk_(?:live|test)_[A-Za-z0-9]{16,}${E_ALNUM}`),
  },
  {
    kind: "stripe_restricted_key",
    provider: "stripe",
    label: "a Stripe restricted key",
    regex: re(String.raw`${B}rk_(?:live|test)_[A-Za-z0-9]{16,}${E_ALNUM}`),
  },
  {
    kind: "stripe_webhook_secret",
    provider: "stripe",
    label: "a Stripe webhook signing secret",
    regex: re(String.raw`${B}whsec_[A-Za-z0-9+/]{32,}={0,2}`),
    accept: looksRandom,
  },
  {
    kind: "github_token",
    provider: "github",
    label: "a GitHub token",
    regex: re(String.raw`${B}gh[pousr]_[A-Za-z0-9]{36,251}${E}`),
  },
  {
    kind: "github_fine_grained_token",
    provider: "github",
    label: "a GitHub fine-grained token",
    regex: re(String.raw`${B}github_pat_[A-Za-z0-9_]{22,244}${E}`),
  },
  {
    kind: "aws_access_key_id",
    provider: "aws",
    label: "an AWS access key ID",
    regex: re(String.raw`(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}${E_ALNUM}`),
  },
  {
    // A bare 40-character base64 string is too common to flag; require its usual label.
    kind: "aws_secret_access_key",
    provider: "aws",
    label: "an AWS secret access key",
    regex: re(
      String.raw`(?:aws_?secret(?:_?access)?_?key|secret_?access_?key)["']?\s*(?::|=|=>)\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`,
      "gid",
    ),
    group: 1,
    accept: looksRandom,
  },
  {
    kind: "google_api_key",
    provider: "google",
    label: "a Google API key",
    regex: re(String.raw`${B}AIza[0-9A-Za-z_-]{35}${E}`),
  },
  {
    kind: "slack_token",
    provider: "slack",
    label: "a Slack token",
    regex: re(String.raw`${B}xox[abprse]-[0-9]+-[A-Za-z0-9-]{8,}[A-Za-z0-9]`),
  },
  {
    kind: "slack_app_token",
    provider: "slack",
    label: "a Slack app token",
    regex: re(String.raw`${B}xapp-[0-9]+-[A-Za-z0-9-]{20,}[A-Za-z0-9]`),
  },
  {
    kind: "resend_api_key",
    provider: "resend",
    label: "a Resend API key",
    regex: re(String.raw`${B}re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24}${E}`),
    accept: (value) => looksRandom(value.slice(3)),
  },
  {
    // The whole block when its END line is present, else the BEGIN line (still refused).
    kind: "private_key",
    provider: "private_key",
    label: "a private key",
    regex: re(
      String.raw`-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----(?:[\s\S]*?-----END \1PRIVATE KEY\2-----)?`,
    ),
  },
  {
    kind: "gatehouse_api_token",
    provider: "gatehouse",
    label: "a Gatehouse API token",
    regex: re(String.raw`${B}gth_[A-Za-z0-9_-]{43}${E}`),
  },
];

const LABELS = new Map<SecretKind, string>(DETECTORS.map((d) => [d.kind, d.label]));

/** "an Anthropic API key", for user-facing messages. */
export const secretLabel = (kind: SecretKind): string => LABELS.get(kind) ?? "a credential";

/**
 * No detector matches fewer characters (the shortest is a Slack token, `xoxb-1-` and nine
 * more): shorter strings, most JSON values, skip the seventeen regex scans.
 */
export const SHORTEST_SECRET = 16;

/** All credentials in `text`, ordered by position, overlaps resolved to the longest match. */
export function findSecrets(text: string): SecretFinding[] {
  if (text.length < SHORTEST_SECRET) return [];
  const found: SecretFinding[] = [];
  for (const d of DETECTORS) {
    d.regex.lastIndex = 0;
    for (const m of text.matchAll(d.regex)) {
      const span = d.group === undefined ? undefined : m.indices?.[d.group];
      const start = span ? span[0] : m.index;
      const end = span ? span[1] : m.index + m[0].length;
      if (d.accept && !d.accept(text.slice(start, end))) continue;
      found.push({ kind: d.kind, provider: d.provider, start, end });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const result: SecretFinding[] = [];
  for (const f of found) {
    const last = result[result.length - 1];
    if (last && f.start < last.end) continue;
    result.push(f);
  }
  return result;
}
