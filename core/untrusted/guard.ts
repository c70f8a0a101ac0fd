/**
 * An optional further opinion from a hosted guard model (Llama Guard on Cloudflare Workers AI).
 * Pure: the caller passes the binding, so core stays free of I/O. Off unless the deployment
 * binds `AI` and sets `INJECTION_GUARD`; any failure or unreadable answer is "no opinion".
 */
export interface GuardBinding {
  run(model: string, input: unknown): Promise<unknown>;
}

export const GUARD_MODELS = { "llama-guard": "@cf/meta/llama-guard-3-8b" } as const;
export type GuardName = keyof typeof GUARD_MODELS;

export interface GuardOpinion {
  model: string;
  /** null when the guard gave no usable answer. */
  unsafe: boolean | null;
  categories: string[];
}

/** Only the start of a page is sent: the guard is a second opinion, not the scanner. */
export const GUARD_MAX_CHARS = 4000;
/** The score a guard's "unsafe" contributes (a guard says yes or no, not how sure it is). */
export const GUARD_UNSAFE_SCORE = 0.95;

export const guardName = (value: string | undefined): GuardName | null =>
  value !== undefined && value in GUARD_MODELS ? (value as GuardName) : null;

function parse(answer: unknown): Pick<GuardOpinion, "unsafe" | "categories"> {
  const response =
    answer && typeof answer === "object" && "response" in answer
      ? (answer as { response: unknown }).response
      : answer;
  if (typeof response === "string") {
    const [first, second] = response.trim().split(/\s*\n\s*/);
    if (first === "safe") return { unsafe: false, categories: [] };
    if (first === "unsafe") return { unsafe: true, categories: second ? second.split(/,\s*/) : [] };
  } else if (response && typeof response === "object" && "safe" in response) {
    const r = response as { safe: unknown; categories?: unknown };
    if (typeof r.safe === "boolean") {
      const categories = Array.isArray(r.categories)
        ? r.categories.filter((c): c is string => typeof c === "string")
        : [];
      return { unsafe: !r.safe, categories };
    }
  }
  return { unsafe: null, categories: [] };
}

/** Asks the guard whether `text`, given to an agent as a tool result, is unsafe. */
export async function askGuard(
  ai: GuardBinding,
  name: GuardName,
  text: string,
): Promise<GuardOpinion> {
  const model = GUARD_MODELS[name];
  try {
    const answer = await ai.run(model, {
      messages: [
        { role: "user", content: "Summarise the content returned by the tool." },
        { role: "assistant", content: text.slice(0, GUARD_MAX_CHARS) },
      ],
    });
    return { model, ...parse(answer) };
  } catch {
    return { model, unsafe: null, categories: [] };
  }
}

/** The scanner's score with the guard's opinion folded in: an "unsafe" can only raise it. */
export const withGuard = (score: number, opinion: GuardOpinion | null): number =>
  opinion?.unsafe ? Math.max(score, GUARD_UNSAFE_SCORE) : score;
