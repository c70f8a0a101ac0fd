import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call } from "../helpers/client";
import { connectClient, exchange, resourceOf } from "../helpers/mcp-oauth";
import { json } from "../helpers/sessions";
import { ownerWithTenant } from "../helpers/tenant";
import { apiToken, initialize, post } from "../../capabilities/mcp/tests/helpers";

const ping = { jsonrpc: "2.0", id: 1, method: "ping" };

/** A person who owns tenant A and is also an owner of tenant B. */
async function memberOfTwo() {
  const person = await ownerWithTenant();
  const { tenant } = await json<{ tenant: { id: string } }>(
    await call("/api/tenants", { body: { name: "Second" }, cookie: person.cookie }),
    201,
  );
  return { ...person, other: tenant.id };
}

describe("attack: using one tenant's MCP credential on another tenant", () => {
  it("an OAuth token for tenant A is refused at tenant B's endpoint, even for a member of both", async () => {
    const p = await memberOfTwo();
    const { accessToken } = await connectClient(p.tenantId, p);
    expect((await post(p.tenantId, accessToken, ping)).status).not.toBe(401);
    const res = await post(p.other, accessToken, ping);
    expect(res.status).toBe(401);
  });

  it("a refresh token cannot be retargeted to another tenant's resource", async () => {
    const p = await memberOfTwo();
    const c = await connectClient(p.tenantId, p);
    const retarget = await exchange(c.as.token_endpoint, {
      grant_type: "refresh_token",
      refresh_token: c.refreshToken,
      client_id: c.clientId,
      resource: resourceOf(p.other),
    });
    expect(retarget.status).toBe(400);
    expect(retarget.body.error).toBe("invalid_target");
    // Nor through the other tenant's token endpoint.
    const elsewhere = await exchange(c.as.token_endpoint.replace(p.tenantId, p.other), {
      grant_type: "refresh_token",
      refresh_token: c.refreshToken,
      client_id: c.clientId,
    });
    expect(elsewhere.status).toBeGreaterThanOrEqual(400);
    expect(elsewhere.body.access_token).toBeUndefined();
  });

  it("an mcp-scoped API token of tenant A is refused at tenant B", async () => {
    const p = await memberOfTwo();
    const token = await apiToken(p, ["mcp"]);
    expect((await post(p.tenantId, token, ping)).status).not.toBe(401);
    expect((await post(p.other, token, ping)).status).toBe(401);
  });

  it("a session opened by one credential cannot be used by another, even in the same tenant", async () => {
    const owner = await ownerWithTenant();
    const alice = await apiToken(owner, ["mcp"]);
    const mallory = await apiToken(owner, ["mcp"]);
    const { session } = await initialize(owner.tenantId, alice);
    const hijack = await post(
      owner.tenantId,
      mallory,
      {
        jsonrpc: "2.0",
        id: 2,
        method: "tools/call",
        params: { name: "memory_get", arguments: { key: "k" } },
      },
      { session },
    );
    expect(hijack.status).toBe(404);
  });

  it("a person removed from the tenant loses the MCP access they granted, at once", async () => {
    const owner = await ownerWithTenant();
    const { memberOf } = await import("../helpers/tenant");
    const operator = await memberOf(owner.tenantId, "operator");
    const { accessToken } = await connectClient(owner.tenantId, operator);
    expect((await post(owner.tenantId, accessToken, ping)).status).not.toBe(401);
    await env.DB.prepare("DELETE FROM memberships WHERE tenant_id = ?1 AND user_id = ?2")
      .bind(owner.tenantId, operator.user.id)
      .run();
    expect((await post(owner.tenantId, accessToken, ping)).status).toBe(401);
  });
});
