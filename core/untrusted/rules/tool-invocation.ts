/** Tool invocation: telling the agent to call a tool, or handing it a tool call to echo. */
import { checkEgress } from "../../egress/check-egress";
import { alt, rx } from "./rule";
import type { InjectionRule } from "./rule";
import { AGENT_TOOL, SENSITIVE_FN, SNAKE } from "./vocabulary";

export const TOOL_RULES: readonly InjectionRule[] = [
  {
    id: "call-named-tool",
    kind: "tool_invocation",
    pattern: rx(
      `\\b${alt("call", "use", "invoke", "run", "execute", "trigger", "fire", "launch", "activate")}\\s+`,
      alt(
        `(?:the\\s+|your\\s+|a\\s+)?\`?${SENSITIVE_FN}\`?\\s+tool\\b`,
        `(?:the\\s+|your\\s+)${AGENT_TOOL}\\s+tool\\b`,
        `(?:the\\s+|your\\s+|a\\s+)?\`?${SENSITIVE_FN}\`?\\s+${alt("function", "action", "plugin")}\\b`,
        `(?:the\\s+)?${alt("tool", "function")}\\s+(?:named\\s+|called\\s+)?\`?${SNAKE}\\b`,
        `\`?${SENSITIVE_FN}\`?\\s*\\(`,
      ),
    ),
  },
  {
    id: "json-tool-call",
    kind: "tool_invocation",
    pattern: rx(
      `"${alt("tool", "tool_name", "name", "function", "recipient_name")}"\\s*:\\s*"[\\w.-]+"\\s*,\\s*`,
      `"${alt("arguments", "args", "input", "parameters", "tool_input")}"\\s*:\\s*(?!\\{\\s*"type"\\s*:\\s*"object")[{"]`,
    ),
  },
  {
    id: "tool-call-markup",
    kind: "tool_invocation",
    pattern: rx(
      alt(
        `"type"\\s*:\\s*"${alt("tool_use", "function_call", "tool_call")}"`,
        `"function_call"\\s*:\\s*\\{`,
        `<\\s*${alt("tool_call", "tool_use", "function_call", "function_calls", "antml:function_calls")}\\s*>`,
        `<\\s*invoke\\s+name\\s*=`,
      ),
    ),
  },

  {
    id: "your-agent-tool",
    kind: "tool_invocation",
    pattern: rx(
      `\\b(?:in|with|using|via|through|use|call|run|invoke)\\s+your\\s+${AGENT_TOOL}\\s+${alt("tool", "tools", "access", "capabilit(?:y|ies)", "function")}\\b`,
    ),
  },
  {
    // Steering the agent at an internal, loopback or metadata address (SSRF by instruction).
    id: "fetch-internal-url",
    kind: "tool_invocation",
    pattern: rx(
      `\\b${alt("fetch", "open", "visit", "request", "load", "navigate to", "browse to", "access", "query", "retrieve", "go to", "get", "download")}\\s+(?:[^\\s]+\\s+){0,2}?`,
      `(https?://[^\\s"'<>)\\]]{1,2048})`,
    ),
    accept: (m) => {
      const verdict = checkEgress(m[1]!);
      return (
        !verdict.allowed && !["invalid_url", "scheme", "credentials", "port"].includes(verdict.code)
      );
    },
  },
];
