import { describe, expect, it } from "vitest";
import { matchRoute } from "../../web/src/routes";
import { clientSnippets } from "../../web/src/screens/mcp/snippets";

describe("console MCP screens (logic)", () => {
  it("routes /t/:tenant/mcp and the consent screen's /t/:tenant/connect?handle=", () => {
    expect(matchRoute("/t/t-1/mcp")?.route.screen).toBe("mcp");
    const consent = matchRoute("/t/t-1/connect", "?handle=h%2Fx");
    expect(consent?.route.screen).toBe("connect");
    expect(consent?.params).toEqual({ tenant: "t-1" });
    expect(consent?.query.get("handle")).toBe("h/x");
    expect(matchRoute("/t/t-1/mcp/extra")).toBeNull();
    expect(matchRoute("/mcp")).toBeNull();
  });

  it("gives every client a setup snippet with the endpoint in it", () => {
    const endpoint = "https://gatehouse.example.com/mcp/t-1";
    const snippets = clientSnippets(endpoint);
    expect(snippets.map((s) => s.client)).toEqual([
      "Claude",
      "ChatGPT",
      "Cursor",
      "OpenAI Agents SDK",
    ]);
    for (const s of snippets) expect(s.code).toContain(endpoint);
    expect(JSON.parse(snippets[2]!.code)).toEqual({ mcpServers: { gatehouse: { url: endpoint } } });
  });
});
