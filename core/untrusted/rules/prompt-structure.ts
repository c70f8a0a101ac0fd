/** Prompt-structure tokens: chat-template markers, role tags and fake conversation turns. */
import { alt, rx } from "./rule";
import type { InjectionRule } from "./rule";

const SHORT_VALUE = String.raw`[\w.-]{1,30}(?: [\w.-]{1,30})?`;

export const STRUCTURE_RULES: readonly InjectionRule[] = [
  {
    id: "special-token",
    kind: "prompt_structure",
    pattern: rx(
      alt(
        "<\\|[a-z0-9_-]{2,32}\\|>",
        "\\[/?INST\\]",
        "<</?SYS>>",
        "\\[/?SYSTEM_PROMPT\\]",
        "\\[/?(?:AVAILABLE_TOOLS|TOOL_CALLS|TOOL_RESULTS)\\]",
        "<(?:start|end)_of_turn>",
      ),
    ),
  },
  {
    id: "role-tag",
    kind: "prompt_structure",
    // `<system>GitHub</system>` (a Maven POM) is data: a tag pair around one or two plain words
    // does not count; an unpaired or sentence-holding tag does.
    pattern: rx(
      `<\\s*(/?)\\s*(${alt("system", "system[_-]prompt", "instructions?", "tool_result", "tool_response", "function_results", "function_response", "untrusted[\\w-]*", "user_input", "assistant", "human", "im_start", "im_end")})`,
      `(?:\\s*>|\\s+[\\w-]+\\s*=)`,
      `(?<!<\\s*\\2\\s*>${SHORT_VALUE}<\\s*/\\s*\\2\\s*>)`,
      `(?!${SHORT_VALUE}<\\s*/\\s*\\2\\s*>)`,
    ),
  },
  {
    id: "instruction-heading",
    kind: "prompt_structure",
    pattern: rx(
      `(?:^|\\n)[ \\t]*#{2,4}[ \\t]*${alt("instruction", "system", "human", "assistant", "response:", "input:")}[ \\t]*:?[ \\t]*(?=\\n|$)`,
    ),
  },
  {
    // A fake user turn after a blank line: "\n\nHuman: …".
    id: "turn-marker-user",
    kind: "prompt_structure",
    pattern: rx(`\\n\\n[ \\t]*${alt("human", "user")}[ \\t]*:`),
  },
  {
    // A fake assistant turn after a blank line, opening the way replies do.
    id: "turn-marker-assistant",
    kind: "prompt_structure",
    pattern: rx(
      `\\n\\n[ \\t]*${alt("assistant", "ai", "model")}[ \\t]*:[ \\t]*`,
      alt(
        "sure",
        "okay",
        "ok\\b",
        "certainly",
        "of course",
        "understood",
        "absolutely",
        "here (?:is|are)",
        "i\\b",
        "i'(?:ll|ve|m)",
        "as requested",
        "done",
      ),
    ),
  },
  {
    // A user line followed (within a few lines) by an assistant line: a fabricated exchange.
    id: "turn-pair",
    kind: "prompt_structure",
    pattern: rx(
      `(?:^|\\n)[ \\t]*${alt("human", "user")}[ \\t]*:[^\\n]*(?:\\n[^\\n]*){0,10}?\\n[ \\t]*${alt("assistant", "ai", "model")}[ \\t]*:`,
    ),
  },
];
