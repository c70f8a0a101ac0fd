import { describe, expect, it } from "vitest";
import { askGuard, GUARD_MODELS, guardName, withGuard } from "../../../core/untrusted";
import type { GuardBinding } from "../../../core/untrusted";

/** A stand-in for the Workers AI binding: records each request, answers as told. */
function fakeAi(answer: unknown | (() => never)) {
  const calls: { model: string; input: unknown }[] = [];
  const ai: GuardBinding = {
    async run(model, input) {
      calls.push({ model, input });
      if (typeof answer === "function") return (answer as () => never)();
      return answer;
    },
  };
  return { ai, calls };
}

describe("guard model (Workers AI)", () => {
  it("is off unless a known guard is named", () => {
    expect(guardName(undefined)).toBeNull();
    expect(guardName("")).toBeNull();
    expect(guardName("gpt-judge")).toBeNull();
    expect(guardName("llama-guard")).toBe("llama-guard");
  });

  it("sends the content as the assistant turn, bounded, to Llama Guard", async () => {
    const { ai, calls } = fakeAi({ response: "safe" });
    const page = "x".repeat(10_000);
    const opinion = await askGuard(ai, "llama-guard", page);
    expect(opinion).toEqual({ model: GUARD_MODELS["llama-guard"], unsafe: false, categories: [] });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.model).toBe("@cf/meta/llama-guard-3-8b");
    const input = calls[0]!.input as { messages: { role: string; content: string }[] };
    expect(input.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
    expect(input.messages[1]!.content.length).toBe(4000);
  });

  it.each([
    [{ response: "unsafe\nS14" }, true, ["S14"]],
    [{ response: { safe: false, categories: ["S2", "S14"] } }, true, ["S2", "S14"]],
    [{ response: { safe: true } }, false, []],
    ["safe", false, []],
  ])("reads answer %j", async (answer, unsafe, categories) => {
    const opinion = await askGuard(fakeAi(answer).ai, "llama-guard", "page");
    expect(opinion.unsafe).toBe(unsafe);
    expect(opinion.categories).toEqual(categories);
  });

  it("treats errors and unreadable answers as no opinion, which never changes the score", async () => {
    const failing = await askGuard(
      fakeAi(() => {
        throw new Error("5xx");
      }).ai,
      "llama-guard",
      "page",
    );
    expect(failing.unsafe).toBeNull();
    const odd = await askGuard(fakeAi({ response: 42 }).ai, "llama-guard", "page");
    expect(odd.unsafe).toBeNull();
    expect(withGuard(0.2, failing)).toBe(0.2);
    expect(withGuard(0.2, null)).toBe(0.2);
  });

  it("an unsafe opinion raises the score, a safe one never lowers it", async () => {
    expect(withGuard(0.2, { model: "m", unsafe: true, categories: [] })).toBe(0.95);
    expect(withGuard(0.99, { model: "m", unsafe: true, categories: [] })).toBe(0.99);
    expect(withGuard(0.9, { model: "m", unsafe: false, categories: [] })).toBe(0.9);
  });
});
