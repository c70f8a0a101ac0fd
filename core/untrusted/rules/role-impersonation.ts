/** Role impersonation: text posing as the system, the developer, the operator or a vendor. */
import { alt, rx } from "./rule";
import type { InjectionRule } from "./rule";

export const ROLE_RULES: readonly InjectionRule[] = [
  {
    // A line that opens as "System:", "[system]", "### System", "Admin override:" … and then
    // addresses the agent on that line or the next.
    id: "role-header",
    kind: "role_impersonation",
    pattern: rx(
      `(?:^|\\n)[ \\t]*[\\[(<#*]*[ \\t]*${alt("system", "developer", "admin", "administrator", "operator", "root")}`,
      `(?:[ \\t]+${alt("message", "prompt", "note", "notice", "override", "instructions?", "update", "alert")})?`,
      `(?:[ \\t]+(?:to|for)[ \\t]+(?:the[ \\t]+)?${alt("ai", "model", "assistant", "llm", "agent")})?`,
      `[ \\t]*(?:[\\])>*]+[ \\t]*:?|:|(?=\\n))`,
      `[^\\n]{0,80}?(?:\\n[^\\n]{0,80}?)?`,
      `\\b${alt("you", "your", "assistant", "ai", "llm", "model", "must", "ignore", "disregard", "obey", "comply", "override", "from now on", "do not", "don't")}\\b`,
    ),
  },
  {
    id: "as-your-developer",
    kind: "role_impersonation",
    pattern: rx(
      `\\bas\\s+your\\s+${alt("developer", "creator", "admin", "administrator", "operator", "owner", "programmer", "maker", "master", "supervisor")}`,
      `\\b[^.\\n]{0,40}?`,
      alt(
        "\\bi(?:'m| am)?\\s+(?:hereby\\s+)?(?:instruct|order|command|authori[sz]e|direct|requir|need you|want you|tell)",
        "\\byou\\s+(?:must|should|are (?:now )?(?:required|authori[sz]ed|permitted))",
      ),
    ),
  },
  {
    id: "i-am-your-creator",
    kind: "role_impersonation",
    pattern: rx(
      `\\bi\\s+am\\s+your\\s+${alt("creator", "developer", "owner", "master", "programmer", "maker", "admin", "administrator", "operator")}\\b`,
    ),
  },
  {
    id: "vendor-impersonation",
    kind: "role_impersonation",
    pattern: rx(
      alt(
        `\\b${alt("message", "note", "notice", "instructions?", "update", "directive")}\\s+from\\s+(?:the\\s+)?${alt("openai", "anthropic", "google", "deepmind", "meta ai", "microsoft", "your (?:developers?|creators?|operators?|administrators?)")}(?:\\s+${alt("team", "staff", "safety team", "engineers?", "trust and safety")})?`,
        `\\b${alt("openai", "anthropic", "google deepmind")}\\s+${alt("here", "staff", "team", "speaking")}`,
      ),
      `\\s*[:,.-][^\\n]{0,80}?\\b${alt("you", "your", "must", "comply", "ignore", "reveal", "disregard", "authori[sz]ed")}\\b`,
    ),
  },
  {
    id: "from-your-operator",
    kind: "role_impersonation",
    pattern: rx(
      `\\b${alt("override", "instructions?", "orders?", "message", "directive", "command", "request", "update")}\\s+from\\s+(?:your|the)\\s+${alt("operator", "developers?", "admin(?:istrator)?", "creators?", "owner", "system", "supervisor")}\\b`,
    ),
  },
  {
    id: "json-system-role",
    kind: "role_impersonation",
    pattern: rx(
      `"role"\\s*:\\s*"(?:system|developer)"\\s*,\\s*"content"\\s*:\\s*"[^"]{0,200}?`,
      `\\b${alt("ignore", "disregard", "override", "bypass", "unrestricted", "no (?:rules|restrictions|limits)", "reveal", "exfiltrat", "leak", "forward")}`,
    ),
  },
];
