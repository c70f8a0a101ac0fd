import { describe, expect, it } from "vitest";
import { parseToolCall } from "../../../core/policy";
import { closest, similarity } from "../../../core/policy/suggest";

describe("parseToolCall", () => {
  it("accepts the documented call shape, with run_id or Lynx's correlation_id", () => {
    const parsed = parseToolCall({
      tool: "shell",
      args: { cmd: "ls", nested: { a: [1, null, true] } },
      declared: {
        scope: ["filesystem:write"],
        reversible: false,
        has_shadow: true,
        cost: "low",
        blast_radius_hint: 3,
      },
      context: {
        environment: "prod",
        workspace: "/srv",
        channel: "api",
        principal: { kind: "agent", id: "a1", name: "bot" },
        correlation_id: "c-1",
        step_seq: 4,
        extra: { team: "blue" },
      },
    });
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.call.context?.correlation_id).toBe("c-1");
  });

  it("defaults args to {}", () => {
    const parsed = parseToolCall({ tool: "x" });
    expect(parsed.ok && parsed.call.args).toEqual({});
  });

  it("reports every problem with its path", () => {
    const parsed = parseToolCall({
      tool: 5,
      args: [],
      context: { channel: "sms", step_seq: -1 },
      extra: 1,
    });
    expect(parsed.ok).toBe(false);
    const issues = parsed.ok ? [] : parsed.issues.join("\n");
    for (const path of ["tool:", "args:", "context.channel:", "context.step_seq:", "(call):"])
      expect(issues).toContain(path);
  });
});

describe("did-you-mean scoring (difflib's ratio)", () => {
  it("matches Python's SequenceMatcher ratios", () => {
    // Values from difflib.SequenceMatcher(None, a, b).ratio().
    expect(similarity("matchs", "matches")).toBeCloseTo(12 / 13);
    expect(similarity("content", "contains")).toBeCloseTo(10 / 15);
    expect(similarity("abc", "xyz")).toBe(0);
    expect(similarity("", "")).toBe(1);
  });

  it("suggests only above the cutoff", () => {
    expect(closest("in_prd", ["in_prod", "in_dev"])).toBe("in_prod");
    expect(closest("zzz", ["in_prod"])).toBeNull();
  });
});
