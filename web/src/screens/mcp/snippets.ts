/** How to point each MCP client at a tenant's endpoint (shown with a copy button). */
export function clientSnippets(endpoint: string): { client: string; how: string; code: string }[] {
  return [
    {
      client: "Claude",
      how: "Settings → Connectors → Add custom connector, paste the URL, then sign in.",
      code: endpoint,
    },
    {
      client: "ChatGPT",
      how: "Settings → Connectors → Create, choose OAuth, paste the URL.",
      code: endpoint,
    },
    {
      client: "Cursor",
      how: "Add to ~/.cursor/mcp.json; Cursor opens the sign-in page on first use.",
      code: JSON.stringify({ mcpServers: { gatehouse: { url: endpoint } } }, null, 2),
    },
    {
      client: "OpenAI Agents SDK",
      how: "Python, headless: an API token with the mcp scope (Tokens screen).",
      code: [
        "from agents.mcp import MCPServerStreamableHttp",
        "gatehouse = MCPServerStreamableHttp(params={",
        `    "url": "${endpoint}",`,
        '    "headers": {"Authorization": "Bearer gth_…"},',
        "})",
      ].join("\n"),
    },
  ];
}
