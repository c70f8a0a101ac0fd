import { describe, expect, it } from "vitest";
import { checkUpstreamUrl, upstreamLoopbackAllowed } from "../../../core/mcp/upstream-egress";

describe("upstream MCP server URLs", () => {
  it("refuses loopback unless the setting allows it", () => {
    expect(checkUpstreamUrl("http://127.0.0.1:3000/mcp", false).allowed).toBe(false);
    expect(checkUpstreamUrl("http://localhost:3000/mcp", false).allowed).toBe(false);
    for (const url of ["http://127.0.0.1:3000/mcp", "http://localhost/mcp", "http://[::1]:8/mcp"]) {
      expect(checkUpstreamUrl(url, true), url).toMatchObject({ allowed: true });
    }
    expect(checkUpstreamUrl("http://127.0.0.1:3000/mcp", true)).toEqual({
      allowed: true,
      host: "127.0.0.1",
      port: 3000,
    });
  });

  it("keeps private, link-local, metadata and loopback-resolving names refused with the setting on", () => {
    for (const url of [
      "http://169.254.169.254/latest/meta-data",
      "http://10.0.0.5/mcp",
      "http://192.168.1.1/mcp",
      "http://[fd00::1]/mcp",
      "http://0.0.0.0/mcp",
      "http://lvh.me/mcp",
      "http://127.0.0.1.nip.io/mcp",
      "http://user:pw@127.0.0.1/mcp",
      "ftp://127.0.0.1/mcp",
    ]) {
      expect(checkUpstreamUrl(url, true).allowed, url).toBe(false);
    }
  });

  it("passes public URLs either way", () => {
    expect(checkUpstreamUrl("https://mcp.example.com/mcp", false).allowed).toBe(true);
    expect(checkUpstreamUrl("https://mcp.example.com/mcp", true).allowed).toBe(true);
  });

  it("honours the setting only in development", () => {
    expect(
      upstreamLoopbackAllowed({ ENVIRONMENT: "development", MCP_UPSTREAM_ALLOW_LOOPBACK: "true" }),
    ).toBe(true);
    expect(
      upstreamLoopbackAllowed({ ENVIRONMENT: "production", MCP_UPSTREAM_ALLOW_LOOPBACK: "true" }),
    ).toBe(false);
    expect(upstreamLoopbackAllowed({ ENVIRONMENT: "development" })).toBe(false);
  });
});
