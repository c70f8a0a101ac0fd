import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { z } from "zod";

/** A tools/call the upstream received: which tool, with which arguments. */
export interface UpstreamCall {
  tool: string;
  args: Record<string, unknown>;
}

/**
 * A shop's MCP server built with the official SDK (`McpServer`, stateless Streamable HTTP) on a
 * loopback port, as a tenant's upstream: `lookup` (read-only), `refund` and `wipe` (destructive).
 * It records every tools/call that reaches it.
 */
export async function startShopUpstream(): Promise<{
  url: string;
  calls: UpstreamCall[];
  close: () => Promise<void>;
}> {
  const calls: UpstreamCall[] = [];
  const shop = () => {
    const server = new McpServer({ name: "shop", version: "1.0.0" });
    server.registerTool(
      "lookup",
      {
        description: "Looks up an order",
        inputSchema: { order: z.string() },
        annotations: { readOnlyHint: true, openWorldHint: false },
      },
      async ({ order }) => {
        calls.push({ tool: "lookup", args: { order } });
        return { content: [{ type: "text", text: `order ${order}: 2 mugs, shipped` }] };
      },
    );
    server.registerTool(
      "refund",
      {
        description: "Refunds an order",
        inputSchema: { order: z.string(), amount: z.number() },
        annotations: { destructiveHint: true },
      },
      async ({ order, amount }) => {
        calls.push({ tool: "refund", args: { order, amount } });
        return { content: [{ type: "text", text: `refunded ${amount} on order ${order}` }] };
      },
    );
    server.registerTool(
      "wipe",
      {
        description: "Deletes every order",
        inputSchema: {},
        annotations: { destructiveHint: true },
      },
      async () => {
        calls.push({ tool: "wipe", args: {} });
        return { content: [{ type: "text", text: "all orders deleted" }] };
      },
    );
    return server;
  };

  const http: HttpServer = createServer((req, res) => {
    if (req.url !== "/mcp") {
      res.writeHead(404).end();
      return;
    }
    const server = shop();
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    res.on("close", () => {
      void transport.close();
      void server.close();
    });
    server
      .connect(transport)
      .then(() => transport.handleRequest(req, res))
      .catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    calls,
    close: () =>
      new Promise((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  };
}
