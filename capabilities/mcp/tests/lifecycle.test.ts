import { describe, expect, it } from "vitest";
import { call } from "../../../tests/helpers/client";
import { json } from "../../../tests/helpers/sessions";
import { initialize, mcpTenant, messagesOf, post, PROTOCOL, request } from "./helpers";

describe("MCP lifecycle over Streamable HTTP", () => {
  it("initializes a session, negotiates the protocol and opens one run for it", async () => {
    const t = await mcpTenant();
    const { session, result } = await initialize(t.tenantId, t.token, "lifecycle-client");
    expect(session).toMatch(/^mcps_/);
    expect(result.protocolVersion).toBe(PROTOCOL);
    expect(result.serverInfo).toMatchObject({ name: "gatehouse" });
    expect(result.capabilities).toMatchObject({ tools: {} });

    const { runs } = await json<{ runs: { agent: string; status: string }[] }>(
      await call(`/api/tenants/${t.tenantId}/runs`, { cookie: t.cookie }),
    );
    expect(runs.filter((r) => r.agent === "mcp:lifecycle-client")).toHaveLength(1);

    const ping = await request({ ...t, session }, "ping");
    expect(ping.reply.result).toEqual({});
  });

  it("offers an older supported protocol version back, and the latest for an unknown one", async () => {
    const t = await mcpTenant();
    for (const [asked, expected] of [
      ["2025-06-18", "2025-06-18"],
      ["1999-01-01", PROTOCOL],
    ]) {
      const res = await post(t.tenantId, t.token, {
        jsonrpc: "2.0",
        id: 1,
        method: "initialize",
        params: {
          protocolVersion: asked,
          capabilities: {},
          clientInfo: { name: "v", version: "1" },
        },
      });
      const [m] = await messagesOf(res);
      expect(m!.result!.protocolVersion).toBe(expected);
    }
  });

  it("needs the session header after initialize, and refuses an unknown session with 404", async () => {
    const t = await mcpTenant();
    const missing = await post(t.tenantId, t.token, {
      jsonrpc: "2.0",
      id: 2,
      method: "tools/list",
    });
    expect(missing.status).toBe(400);
    expect((await messagesOf(missing))[0]!.error).toBeDefined();
    const unknown = await post(
      t.tenantId,
      t.token,
      { jsonrpc: "2.0", id: 2, method: "tools/list" },
      { session: "mcps_00000000-0000-4000-8000-000000000000" },
    );
    expect(unknown.status).toBe(404);
  });

  it("closes a session on DELETE: the run completes and the session is gone", async () => {
    const t = await mcpTenant();
    const { session } = await initialize(t.tenantId, t.token, "closing-client");
    const { SELF } = await import("cloudflare:test");
    const del = await SELF.fetch(`http://localhost:8787/mcp/${t.tenantId}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${t.token}`, "mcp-session-id": session },
    });
    expect(del.status).toBe(204);
    const after = await request({ ...t, session }, "ping").catch((e: Error) => e);
    expect(String(after)).toMatch(/404/);
    const { runs } = await json<{ runs: { agent: string; status: string }[] }>(
      await call(`/api/tenants/${t.tenantId}/runs`, { cookie: t.cookie }),
    );
    expect(runs.find((r) => r.agent === "mcp:closing-client")?.status).toBe("completed");
  });

  it("answers GET (no server-initiated stream) with 405", async () => {
    const t = await mcpTenant();
    const { SELF } = await import("cloudflare:test");
    const res = await SELF.fetch(`http://localhost:8787/mcp/${t.tenantId}`, {
      headers: { authorization: `Bearer ${t.token}`, accept: "text/event-stream" },
    });
    expect(res.status).toBe(405);
  });
});
