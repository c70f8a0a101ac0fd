/**
 * An approval request as a Slack incoming-webhook message (`text` as the notification
 * fallback, `blocks` for the layout; https://api.slack.com/messaging/webhooks). Every value
 * comes in already masked: this only lays it out and keeps it within Slack's limits.
 */
export interface ApprovalNotice {
  approvalId: string;
  tenantName: string;
  tool: string;
  runId: string;
  /** The call's arguments as JSON, secret values already masked. */
  argsJson: string;
  approvers: readonly string[];
  expiresAt: string;
  /** The signed link to the approval page (it opens the console; deciding needs a sign-in). */
  link: string;
}

export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

type SlackText = { type: "mrkdwn" | "plain_text"; text: string };
export type SlackBlock =
  | { type: "section"; text: SlackText; fields?: SlackText[] }
  | { type: "context"; elements: SlackText[] }
  | {
      type: "actions";
      elements: {
        type: "button";
        text: SlackText;
        url: string;
        style?: "primary";
        action_id: string;
      }[];
    };

/** Slack's section text limit is 3000 characters; code blocks leave room for the fences. */
const ARGS_MAX = 2_800;
const FIELD_MAX = 1_900;

/** `&`, `<`, `>` are Slack's control characters in mrkdwn. */
const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export function slackApprovalMessage(n: ApprovalNotice): SlackMessage {
  const tool = clip(escape(n.tool), 200);
  const args = clip(escape(n.argsJson.replace(/```/g, "`\u200b``")), ARGS_MAX);
  const approvers = n.approvers.length > 0 ? n.approvers.map(escape).join(", ") : "any approver";
  return {
    text: clip(`Approval needed in ${n.tenantName}: an agent wants to run ${n.tool}`, 300),
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: clip(
            `*Approval needed* in ${escape(n.tenantName)}: an agent wants to run \`${tool}\`.`,
            FIELD_MAX,
          ),
        },
        fields: [
          { type: "mrkdwn", text: clip(`*Run*\n${escape(n.runId)}`, FIELD_MAX) },
          { type: "mrkdwn", text: clip(`*Who may decide*\n${approvers}`, FIELD_MAX) },
        ],
      },
      { type: "section", text: { type: "mrkdwn", text: `\`\`\`${args}\`\`\`` } },
      {
        type: "context",
        elements: [
          { type: "mrkdwn", text: `${escape(n.approvalId)} · expires ${escape(n.expiresAt)}` },
        ],
      },
      {
        type: "actions",
        elements: [
          {
            type: "button",
            text: { type: "plain_text", text: "Review in Gatehouse" },
            url: n.link,
            style: "primary",
            action_id: "gatehouse_review",
          },
        ],
      },
    ],
  };
}
