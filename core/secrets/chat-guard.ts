import { findSecrets, secretLabel } from "./patterns";
import type { SecretFinding } from "./patterns";

export type ChatGuardResult =
  | { ok: true }
  | { ok: false; code: "secret_in_message"; message: string; findings: SecretFinding[] };

function listOf(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * Refuses a chat message that contains a credential, before it reaches a model or a log. The
 * message names what was found but never echoes it.
 */
export function guardChatInput(text: string): ChatGuardResult {
  const findings = findSecrets(text);
  if (findings.length === 0) return { ok: true };
  const labels = [...new Set(findings.map((f) => secretLabel(f.kind)))];
  const what = labels.length === 1 ? labels[0]! : listOf(labels);
  const store = findings.length === 1 ? "Store it" : "Store them";
  return {
    ok: false,
    code: "secret_in_message",
    message: `This message contains what looks like ${what}. ${store} in the vault instead; the message was not sent.`,
    findings,
  };
}
