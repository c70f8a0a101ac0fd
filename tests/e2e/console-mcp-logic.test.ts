import { describe, expect, it } from "vitest";
import { parseRoute } from "../../web/src/routes";
import { clientSnippets } from "../../web/src/screens/mcp/snippets";

describe("console MCP screens (logic)", () => {
  it("routes /mcp and the consent screen's /connect?handle=", () => {
    expect(parseRoute("/mcp")).toEqual({ screen: "mcp" });
    expect(parseRoute("/connect", "?handle=h%2Fx")).toEqual({ screen: "connect", handle: "h/x" });
    expect(parseRoute("/mcp/extra")).toEqual({ screen: "not-found" });
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
