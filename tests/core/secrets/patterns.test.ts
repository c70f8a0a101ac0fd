import { describe, expect, it } from "vitest";
import { findSecrets, guardChatInput, looksRandom } from "../../../core/secrets";
import { SHORTEST_SECRET } from "../../../core/secrets/patterns";
import type { SecretKind, SecretProvider } from "../../../core/secrets";
import { fakes, randomish } from "./fake-credentials";

type Case = readonly [name: string, value: string, kind: SecretKind, provider: SecretProvider];

const POSITIVE: readonly Case[] = [
  ["Anthropic API key", fakes.anthropic(), "anthropic_api_key", "anthropic"],
  ["Anthropic admin key", fakes.anthropicAdmin(), "anthropic_admin_key", "anthropic"],
  ["Anthropic OAuth token", fakes.anthropicOauth(), "anthropic_oauth_token", "anthropic"],
  ["OpenAI legacy key", fakes.openaiLegacy(), "openai_api_key", "openai"],
  ["OpenAI project key", fakes.openaiProject(), "openai_project_key", "openai"],
  ["OpenAI service account key", fakes.openaiSvcacct(), "openai_service_account_key", "openai"],
  ["OpenAI admin key", fakes.openaiAdmin(), "openai_admin_key", "openai"],
  ["Stripe live secret key", fakes.stripeLive(), "stripe_secret_key", "stripe"],
  ["Stripe test secret key", fakes.stripeTest(), "stripe_secret_key", "stripe"],
  ["Stripe restricted key", fakes.stripeRestricted(), "stripe_restricted_key", "stripe"],
  ["Stripe webhook secret", fakes.stripeWebhook(), "stripe_webhook_secret", "stripe"],
  ["GitHub ghp_", fakes.github("ghp"), "github_token", "github"],
  ["GitHub gho_", fakes.github("gho"), "github_token", "github"],
  ["GitHub ghu_", fakes.github("ghu"), "github_token", "github"],
  ["GitHub ghs_", fakes.github("ghs"), "github_token", "github"],
  ["GitHub ghr_", fakes.github("ghr"), "github_token", "github"],
  ["GitHub fine-grained", fakes.githubFineGrained(), "github_fine_grained_token", "github"],
  ["AWS AKIA key id", fakes.awsKeyId("AKIA"), "aws_access_key_id", "aws"],
  ["AWS ASIA key id", fakes.awsKeyId("ASIA"), "aws_access_key_id", "aws"],
  ["Google API key", fakes.google(), "google_api_key", "google"],
  ["Slack xoxb", fakes.slack("xoxb"), "slack_token", "slack"],
  ["Slack xoxp", fakes.slack("xoxp"), "slack_token", "slack"],
  ["Slack xoxa", fakes.slack("xoxa"), "slack_token", "slack"],
  ["Slack xoxr", fakes.slack("xoxr"), "slack_token", "slack"],
  ["Slack xoxe", fakes.slack("xoxe"), "slack_token", "slack"],
  ["Slack app token", fakes.slackApp(), "slack_app_token", "slack"],
  ["Resend API key", fakes.resend(), "resend_api_key", "resend"],
  ["Gatehouse API token", fakes.gatehouse(), "gatehouse_api_token", "gatehouse"],
  ["RSA private key", fakes.pem("RSA "), "private_key", "private_key"],
  ["PKCS#8 private key", fakes.pem(""), "private_key", "private_key"],
  ["OpenSSH private key", fakes.pem("OPENSSH "), "private_key", "private_key"],
  ["EC private key", fakes.pem("EC "), "private_key", "private_key"],
];

describe("findSecrets: every provider pattern", () => {
  it.each(POSITIVE)(
    "finds a %s alone, in prose, in code and in JSON",
    (_, value, kind, provider) => {
      const contexts = [
        value,
        `here is my key ${value} please use it`,
        `export API_KEY="${value}"`,
        `{"key":"${value}","n":1}`,
        `line one\nKEY=${value}\nline three`,
        `(${value}).`,
      ];
      for (const text of contexts) {
        const start = text.indexOf(value);
        expect(findSecrets(text)).toEqual([{ kind, provider, start, end: start + value.length }]);
      }
    },
  );

  it("finds an AWS secret access key only when labelled, spanning just the value", () => {
    const secret = fakes.awsSecret();
    for (const text of [
      `aws_secret_access_key = ${secret}`,
      `AWS_SECRET_ACCESS_KEY=${secret}`,
      `"SecretAccessKey": "${secret}"`,
      `secret_access_key: '${secret}'`,
      `aws_secret_key => "${secret}"`,
    ]) {
      const start = text.indexOf(secret);
      expect(findSecrets(text)).toEqual([
        { kind: "aws_secret_access_key", provider: "aws", start, end: start + 40 },
      ]);
    }
    expect(findSecrets(`checksum ${secret}`)).toEqual([]);
  });

  it("finds an AWS key id and its secret together", () => {
    const id = fakes.awsKeyId();
    const text = `[default]\naws_access_key_id = ${id}\naws_secret_access_key = ${fakes.awsSecret()}\n`;
    expect(findSecrets(text).map((f) => f.kind)).toEqual([
      "aws_access_key_id",
      "aws_secret_access_key",
    ]);
  });

  it("finds a PEM header even without its END line, and PGP key blocks", () => {
    const head = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA";
    expect(findSecrets(head)).toEqual([
      { kind: "private_key", provider: "private_key", start: 0, end: 35 },
    ]);
    const pgp = "-----BEGIN PGP PRIVATE KEY BLOCK-----\nxyz\n-----END PGP PRIVATE KEY BLOCK-----";
    expect(findSecrets(pgp)).toEqual([
      { kind: "private_key", provider: "private_key", start: 0, end: pgp.length },
    ]);
  });

  it("reports several secrets in order with exact spans", () => {
    const a = fakes.anthropic();
    const g = fakes.github("ghp");
    const text = `first ${g} then ${a}`;
    expect(findSecrets(text)).toEqual([
      { kind: "github_token", provider: "github", start: 6, end: 6 + g.length },
      {
        kind: "anthropic_api_key",
        provider: "anthropic",
        start: text.indexOf(a),
        end: text.length,
      },
    ]);
  });
});

describe("findSecrets: near misses and ordinary text", () => {
  const NEGATIVE: ReadonlyArray<readonly [string, string]> = [
    ["Anthropic prefix alone", "keys look like sk-ant-api03-… and start with sk-ant"],
    ["Anthropic too short", `sk-ant-api03-${randomish(20, 1)}`],
    ["OpenAI prefix in a word", `task-${randomish(40, 2)}`],
    ["OpenAI placeholder", "OPENAI_API_KEY=sk-your-key-here"],
    ["OpenAI too short", `sk-${randomish(20, 3)}`],
    ["sk- followed by lowercase words", "sk-abcdefghijklmnopqrstuvwxyzabcdefghij"],
    ["scikit-learn", "pip install scikit-learn sk-learn-contrib"],
    ["Stripe publishable key", fakes.stripePublishable()],
    ["Stripe publishable test key", `pk_test_${randomish(24, 4)}`],
    ["Stripe prefix alone", "use sk_live_ keys only on the server"],
    ["Stripe too short", `sk_live_${randomish(10, 5)}`],
    ["GitHub too short", `ghp_${randomish(20, 6)}`],
    ["GitHub unknown prefix", `ghx_${randomish(36, 7)}`],
    ["GitHub prefix in identifier", `my_ghp_${randomish(36, 8)}`],
    ["GitHub fine-grained placeholder", "github_pat_xxx"],
    ["AWS example in lower case", `akia${randomish(16, 9).toLowerCase()}`],
    ["AWS id inside a longer token", `XAKIA${randomish(16, 10).toUpperCase()}`],
    ["AWS id too short", "AKIA1234567890"],
    ["AWS unlabelled base64", `sha: ${fakes.awsSecret(11)}`],
    ["AWS label with non-key value", "aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}"],
    ["Google prefix alone", "AIza is the prefix of Google API keys"],
    ["Google too short", `AIza${randomish(20, 12)}`],
    ["Slack placeholder", "SLACK_BOT_TOKEN=xoxb-your-bot-token"],
    ["Slack without digits", "xoxb-abcdefghijklmnop"],
    ["Slack app placeholder", "xapp-your-app-token"],
    ["Resend placeholder", "RESEND_API_KEY=re_123456789"],
    ["Resend-like identifier", "re_compile_multilinepatternsforlexer"],
    ["Resend lower-case identifier shape", "re_abcdefgh_abcdefghijklmnopqrstuvwx"],
    ["public key PEM", "-----BEGIN PUBLIC KEY-----\nMFkwEwYH\n-----END PUBLIC KEY-----"],
    ["certificate PEM", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"],
    ["Gatehouse prefix alone", "tokens start with gth_ and are shown once"],
    ["Gatehouse too short", `gth_${randomish(30, 13)}`],
    ["Gatehouse too long", `gth_${randomish(50, 14)}`],
    ["prose", "The quick brown fox asked the skeptical admin about AWS keys and Slack tokens."],
    ["code", "const skipAuth = process.env.SKIP_AUTH === 'true'; export const re_ = /x/;"],
    ["hex digest", `sha256:${randomish(64, 15, "0123456789abcdef")}`],
    ["uuid", "id 123e4567-e89b-12d3-a456-426614174000"],
  ];
  it.each(NEGATIVE)("finds nothing in: %s", (_, text) => {
    expect(findSecrets(text)).toEqual([]);
  });

  it("looksRandom needs two character classes", () => {
    expect(looksRandom("abcdefgh")).toBe(false);
    expect(looksRandom("ABCDEFGH")).toBe(false);
    expect(looksRandom("12345678")).toBe(false);
    expect(looksRandom("abcd1234")).toBe(true);
    expect(looksRandom("abcdEFGH")).toBe(true);
  });
});

describe("guardChatInput", () => {
  it("accepts ordinary messages, including ones about keys", () => {
    expect(guardChatInput("hello")).toEqual({ ok: true });
    expect(guardChatInput("Where do I paste my Anthropic key (sk-ant-...)?")).toEqual({
      ok: true,
    });
    expect(guardChatInput(`my Stripe publishable key is ${fakes.stripePublishable()}`)).toEqual({
      ok: true,
    });
  });

  it.each(POSITIVE)("refuses a message with a %s without echoing it", (_, value, kind) => {
    const result = guardChatInput(`please use ${value} for this`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("secret_in_message");
    expect(result.findings.map((f) => f.kind)).toEqual([kind]);
    expect(result.message).not.toContain(value);
    expect(result.message).not.toContain(value.slice(-8));
    expect(result.message).toMatch(/vault/);
  });

  it("names the provider in the message", () => {
    const result = guardChatInput(`key: ${fakes.anthropic()}`);
    expect(result).toMatchObject({
      ok: false,
      message:
        "This message contains what looks like an Anthropic API key. Store it in the vault instead; the message was not sent.",
    });
  });

  it("names every kind found, once each", () => {
    const result = guardChatInput(
      `${fakes.github("ghp")} ${fakes.github("gho", 99)} ${fakes.stripeLive()} ${fakes.awsKeyId()}`,
    );
    expect(result).toMatchObject({
      ok: false,
      message:
        "This message contains what looks like a GitHub token, a Stripe secret key and an AWS access key ID. Store them in the vault instead; the message was not sent.",
    });
    if (!result.ok) expect(result.findings).toHaveLength(4);
  });
});

describe("findSecrets: the length below which nothing is scanned", () => {
  it("still finds the shortest credentials, a Slack token of exactly SHORTEST_SECRET characters", () => {
    const slack = `xoxb-1-${randomish(9, 7)}`;
    expect(slack).toHaveLength(SHORTEST_SECRET);
    expect(findSecrets(slack)).toEqual([
      { kind: "slack_token", provider: "slack", start: 0, end: SHORTEST_SECRET },
    ]);
    expect(findSecrets(fakes.awsKeyId())).toHaveLength(1);
  });
});
