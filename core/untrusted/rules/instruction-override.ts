/** Instruction overrides: telling the agent to drop its instructions, task or constraints. */
import { alt, rx, words } from "./rule";
import type { InjectionRule } from "./rule";
import {
  OVERRIDE_VERB,
  QUALIFIER,
  FILLER,
  STRONG_NOUN,
  WEAK_NOUN,
  AI_READER,
  MODEL_NAME,
  IMPERATIVE,
} from "./vocabulary";

export const OVERRIDE_RULES: readonly InjectionRule[] = [
  {
    id: "override-strong",
    kind: "instruction_override",
    pattern: rx(`\\b${OVERRIDE_VERB}\\s+(?:${FILLER}\\s+|${QUALIFIER}\\s+){0,4}${STRONG_NOUN}\\b`),
  },
  {
    id: "override-qualified",
    kind: "instruction_override",
    pattern: rx(
      `\\b${OVERRIDE_VERB}\\s+(?:${FILLER}\\s+){0,3}(?:${QUALIFIER}\\s+){1,3}${WEAK_NOUN}\\b`,
    ),
  },
  {
    id: "override-above",
    kind: "instruction_override",
    pattern: rx(
      `\\b${alt("ignore", "disregard", "forget")}\\s+(?:(?:all|everything|anything)\\s+)?(?:of\\s+)?`,
      `(?:(?:the|what(?:'s| is| was)?|that|this)\\s+)?(?:(?:written|said|stated)\\s+)?`,
      `${alt("above", "before this", "so far")}\\b`,
    ),
  },
  {
    id: "forget-everything",
    kind: "instruction_override",
    pattern: rx(
      `\\bforget\\s+${alt("everything", "all", "anything")}\\s+`,
      alt(
        "(?:you(?:'ve| have)?\\s+)?(?:been|were|was)\\s+(?:told|taught|instructed|given|programmed)",
        "above",
        "before",
        "(?:from\\s+)?(?:previous(?:ly)?|prior|earlier)",
        "your\\s+(?:instructions|rules|training|guidelines)",
      ),
    ),
  },
  {
    id: "new-instructions",
    kind: "instruction_override",
    pattern: rx(
      `\\b${alt("new", "updated", "revised", "real", "actual", "true", "correct", "secret", "hidden", "additional", "override")}`,
      `\\s+(?:system\\s+)?${alt("instructions", "directives", "orders", "system prompt")}\\s*`,
      alt(":", "are\\b", "follow\\b", "as follows", "below\\b"),
    ),
  },
  {
    id: "you-are-now",
    kind: "instruction_override",
    pattern: rx(
      `\\byou(?:'re| are)\\s+now\\s+(?:(?:a|an|the|my|in|called|named|known as|acting as|operating as|playing)\\s+)?`,
      words(2),
      alt(
        "dan\\b",
        "ai\\b",
        "assistants?\\b",
        "chatbot\\b",
        "bot\\b",
        "model\\b",
        "agent\\b",
        "persona\\b",
        "character\\b",
        "jailbroken",
        "unrestricted",
        "unfiltered",
        "uncensored",
        "unlocked",
        "evil",
        "free from",
        "(?:developer|god|jailbreak|admin|debug|maintenance|sudo|dan|unrestricted) mode",
      ),
    ),
  },
  {
    id: "no-longer-bound",
    kind: "instruction_override",
    pattern: rx(
      alt(
        `\\bno\\s+longer\\s+${alt("bound by", "restricted by", "subject to", "required to follow", "need to follow", "have to follow")}`,
        `\\b${alt("guidelines", "rules", "restrictions", "filters?", "policies", "safeguards")}\\s+${alt("no longer apply", "(?:are|have been)\\s+(?:now\\s+)?(?:disabled|lifted|suspended|removed|turned off)")}`,
      ),
    ),
  },
  {
    id: "instructions-revoked",
    kind: "instruction_override",
    pattern: rx(
      alt(
        `\\bsupersedes?\\s+(?:all\\s+|any\\s+)?(?:the\\s+|your\\s+)?(?:previous|prior|earlier|other|existing)\\s+${alt("instructions", "prompts", "system prompts?", "directives")}`,
        `\\b${alt("instructions", "system prompt", "prompt", "directives")}\\s+${words(4)}(?:is|are|has been|have been|were|was)\\s+(?:now\\s+)?${alt("outdated", "obsolete", "revoked", "cancell?ed", "void", "invalid", "superseded", "replaced", "no longer valid", "deprecated", "overridden")}`,
      ),
    ),
  },
  {
    id: "do-not-follow",
    kind: "instruction_override",
    pattern: rx(
      alt(
        `\\b(?:do not|don't|never|stop)\\s+(?:follow(?:ing)?|obey(?:ing)?|listen(?:ing)? to|comply(?:ing)? with)\\s+(?:any\\s+|the\\s+|your\\s+)*${alt("earlier", "previous", "prior", "original", "operator'?s?", "user'?s?", "system")}\\s+${alt("instructions", "guidance", "rules", "prompts?", "directions", "request")}`,
        `\\b(?:obey|follow|listen to)\\s+only\\s+${alt("me\\b", "my\\b", "this (?:page|document|text|message)", "these\\b", "the (?:text|instructions|commands) (?:in|on|of) this")}`,
      ),
    ),
  },
  {
    id: "pretend-unrestricted",
    kind: "instruction_override",
    pattern: rx(
      alt(
        `\\bpretend\\s+(?:that\\s+)?you\\s+${alt("have no (?:rules|restrictions|limits|guidelines|filters)", "are not bound", "are (?:an? )?(?:unrestricted|unfiltered|uncensored|jailbroken|evil)")}`,
        `\\bact\\s+as\\s+(?:an?\\s+)?${alt("unfiltered", "unrestricted", "jailbroken", "uncensored")}\\s+${alt("model", "ai", "assistant", "agent", "chatbot")}`,
        `\\b${alt("enable", "enter", "activate", "switch to", "switch on")}\\s+${alt("developer", "god", "jailbreak", "dan")}\\s+mode\\b`,
      ),
    ),
  },
  {
    id: "override-multilingual",
    kind: "instruction_override",
    pattern: rx(
      `\\bignor\\w*\\s+(?:${alt("toutes", "tous", "les", "todas", "todos", "las", "los", "alle", "tutte", "le", "as", "vorherigen", "bisherigen", "fruheren", "obigen")}\\s+){1,3}`,
      alt(
        "instructions",
        "instrucciones",
        "instrucoes",
        "anweisungen",
        "istruzioni",
        "indicaciones",
      ),
    ),
  },

  {
    // Text that speaks to the agent reading it: "If you are an AI model reading this, …",
    // "Note to the AI assistant:", "[[AI INSTRUCTIONS]]", "AI agents reading this page".
    id: "addressed-to-ai",
    kind: "instruction_override",
    pattern: rx(
      alt(
        `\\bif\\s+you(?:'re| are)\\s+an?\\s+(?:ai|llm)?\\s*${AI_READER}s?\\b[^.\\n]{0,40}?(?:\\breading\\b|\\bprocessing\\b|\\bsummari[sz]ing\\b|,\\s*(?:you\\s+(?:must|should)|please|ignore|always|never|do\\b))`,
        `\\b${alt("note", "message", "instructions?", "attention", "memo", "reminder", "directive")}\\s+(?:to|for)\\s+(?:the\\s+|any\\s+|all\\s+)?(?:ai\\s+|llm\\s+)?${AI_READER}s?\\s*[:,-]`,
        `\\[\\[?\\s*(?:ai|llm|assistant|agent|system|model)\\s+${alt("instructions?", "note", "prompt", "directive", "command")}s?\\s*\\]\\]?`,
        `\\b(?:ai|llm)s?\\s*(?:${AI_READER}s?\\s+)?${alt("reading", "processing", "summari[sz]ing", "browsing", "crawling", "scraping")}\\s+this\\b`,
        `(?:^|\\n)[ \\t]*(?:attention|dear|hey|hi)\\s+(?:ai|llm|${AI_READER})s?\\s*[:,!]`,
      ),
    ),
  },
  {
    // The agent spoken of in the third person and told to act: "the assistant should now open…".
    id: "steer-the-agent",
    kind: "instruction_override",
    pattern: rx(
      `\\bthe\\s+(?:ai\\s+)?${alt("ai", "assistant", "agent", "model", "llm", "chatbot", "bot")}\\s+${alt("should", "must", "needs to", "has to", "is required to", "will now", "shall")}\\s+(?:now\\s+|immediately\\s+|also\\s+|then\\s+)?`,
      alt(
        "open",
        "visit",
        "fetch",
        "send",
        "e-?mail",
        "forward",
        "post",
        "upload",
        "call",
        "run",
        "execute",
        "delete",
        "approve",
        "transfer",
        "reveal",
        "print",
        "ignore",
        "disregard",
        "click",
        "navigate",
        "download",
        "grant",
        "purchase",
        "buy",
      ),
      "\\b",
    ),
  },
  {
    // Hijacking the task itself.
    id: "task-hijack",
    kind: "instruction_override",
    pattern: rx(
      alt(
        `\\b(?:stop|abandon|drop|pause|cancel|halt)\\s+(?:what\\s+you\\s+are\\s+doing|(?:your|the)\\s+(?:current|original|assigned|present)\\s+(?:task|work|job|assignment))\\b`,
        `\\b(?:begin|start)\\s+(?:a\\s+|the\\s+)?new\\s+task\\b`,
        `\\byour\\s+(?:new|real|actual|true)\\s+(?:task|goal|objective|mission|job)\\s+(?:is|will be)\\s+to\\b`,
        `\\bthe\\s+user\\s+(?:actually|really|secretly|truly)\\s+wants?\\s+you\\s+to\\b`,
      ),
    ),
  },
  {
    // Keeping the user in the dark is what an injected instruction needs and a document doesn't.
    id: "hide-from-user",
    kind: "instruction_override",
    pattern: rx(
      alt(
        `\\b(?:do not|don't|never)\\s+(?:mention|reveal|disclose|show|tell)\\s+(?:this|these|the)\\s+${alt("note", "message", "instructions?", "text", "comment", "request")}\\s+to\\s+the\\s+user\\b`,
        `\\b(?:do not|don't|never)\\s+(?:mention|reveal|disclose)\\s+(?:this|these)\\s+${alt("note", "message", "instructions?", "comment")}\\b`,
        `\\bwithout\\s+(?:telling|informing|notifying|alerting|warning)\\s+the\\s+user\\b`,
      ),
    ),
  },

  {
    // Speaking to a model by name or role as the start of an instruction: "Hello Claude, …
    // please", "<!-- assistant: do not summarise", "AI: ignore the user".
    id: "vocative-ai",
    kind: "instruction_override",
    pattern: rx(
      `(?:^|[\\n.!?>(\\[-]|<!--)\\s*(?:(?:hello|hi|hey|dear|attention|ok|okay|note)\\s*,?\\s*)?`,
      `(?:${MODEL_NAME}|${AI_READER})\\s*[,:!]\\s*[^\\n]{0,80}?\\b${IMPERATIVE}\\b`,
    ),
  },
  {
    // Declaring the agent's rules void: "All prior constraints are void", "Your instructions
    // have changed", "SYSTEM OVERRIDE ENGAGED".
    id: "constraints-void",
    kind: "instruction_override",
    pattern: rx(
      alt(
        `\\b(?:all\\s+)?(?:${alt("prior", "previous", "earlier", "existing", "your", "the", "of your")}\\s+){1,2}${alt("instructions", "directives", "constraints", "restrictions", "rules", "guidelines", "guardrails", "limitations", "safeguards", "policies")}\\s+(?:are|is|have been|has been)\\s+(?:now\\s+)?${alt("void", "null and void", "lifted", "suspended", "removed", "cancell?ed", "revoked", "overridden", "disabled", "no longer (?:apply|valid|in effect)")}\\b`,
        `\\byour\\s+(?:${alt("previous", "prior", "original", "current")}\\s+)?${alt("instructions", "directives", "rules", "guidelines", "orders", "task")}\\s+(?:have|has)\\s+(?:been\\s+)?(?:changed|updated|replaced)\\b`,
        `\\b${alt("system", "admin", "administrator", "developer", "root", "safety", "security")}\\s+override\\s+${alt("engaged", "enabled", "activated", "active", "initiated", "accepted", "granted", "confirmed", "mode")}\\b`,
      ),
    ),
  },
];
