import { describe, expect, it } from "vitest";
import { initialize, mcpTenant, messagesOf, post, request } from "./helpers";

describe("malformed JSON-RPC never gets a 5xx", () => {
  it("answers broken JSON, non-JSON-RPC bodies and bad params with 4xx or a JSON-RPC error", async () => {
    const t = await mcpTenant();
    const { session } = await initialize(t.tenantId, t.token);
    const cases: { raw?: string; body?: unknown; headers?: Record<string, string> }[] = [
      { raw: "{not json" },
      { raw: "" },
      { body: { hello: "world" } },
      { body: { jsonrpc: "1.0", id: 1, method: "tools/list" } },
      { body: [1, 2, 3] },
      { body: "just a string" },
      {
        body: { jsonrpc: "2.0", id: 1, method: "tools/list" },
        headers: { "content-type": "text/plain" },
      },
      {
        body: { jsonrpc: "2.0", id: 1, method: "tools/list" },
        headers: { accept: "application/json" },
      },
      {
        body: { jsonrpc: "2.0", id: 1, method: "tools/list" },
        headers: { "mcp-protocol-version": "1900-01-01" },
      },
    ];
    for (const c of cases) {
      const res = await post(t.tenantId, t.token, c.body, {
        session,
        ...(c.raw !== undefined ? { raw: c.raw } : {}),
        ...(c.headers ? { headers: c.headers } : {}),
      });
      expect(res.status, JSON.stringify(c)).toBeGreaterThanOrEqual(400);
      expect(res.status, JSON.stringify(c)).toBeLessThan(500);
      const [m] = await messagesOf(res);
      expect(m!.error, JSON.stringify(c)).toBeDefined();
    }
  });

  it("answers an unknown method, an unknown tool and bad tools/call params with JSON-RPC errors", async () => {
    const t = await mcpTenant();
    const { session } = await initialize(t.tenantId, t.token);
    const s = { ...t, session };
    expect((await request(s, "no/such/method")).reply.error?.code).toBe(-32601);
    const unknown = await request(s, "tools/call", { name: "nope.nothing", arguments: {} });
    expect(unknown.reply.error?.code).toBe(-32602);
    expect(unknown.reply.error?.message).toContain("Unknown tool");
    // The SDK validates params against the spec's schema and answers with a JSON-RPC error.
    for (const params of [{ arguments: {} }, { name: "memory_get", arguments: "x" }, { name: 7 }]) {
      const bad = await request(s, "tools/call", params);
      expect(bad.status).toBe(200);
      expect(bad.reply.result).toBeUndefined();
      expect([-32602, -32603]).toContain(bad.reply.error?.code);
    }
  });

  it("refuses a body over the size limit with 413", async () => {
    const t = await mcpTenant();
    const { session } = await initialize(t.tenantId, t.token);
    const res = await post(
      t.tenantId,
      t.token,
      {
        jsonrpc: "2.0",
        id: 1,
        method: "tools/call",
        params: { name: "memory_put", arguments: { key: "k", value: "x".repeat(70_000) } },
      },
      { session },
    );
    expect(res.status).toBe(413);
  });
});
