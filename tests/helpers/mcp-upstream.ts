import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/cfworker";
import { vi } from "vitest";

export const UPSTREAM_URL = "https://mcp.upstream.example/mcp";

export interface UpstreamTool {
  name: string;
  annotations?: Record<string, boolean>;
  run: (args: Record<string, unknown>) => Promise<{ text: string; isError?: boolean }>;
}

/**
 * A real MCP server built with the official SDK (stateless Streamable HTTP), answering the
 * Worker's and the Durable Object's fetches to UPSTREAM_URL in-process; other hosts fail.
 */
export function upstreamServer(tools: UpstreamTool[]) {
  const seen: { method: string; authorization: string | null; body: string }[] = [];
  let down = false;
  const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input as RequestInfo, init);
    if (!request.url.startsWith(UPSTREAM_URL)) {
      throw new TypeError(`fetch failed: unexpected ${request.url} in a test`);
    }
    seen.push({
      method: request.method,
      authorization: request.headers.get("authorization"),
      body: await request.clone().text(),
    });
    if (down) throw new TypeError("fetch failed: connection refused");
    const server = new Server(
      { name: "upstream", version: "1.0.0" },
      { capabilities: { tools: {} }, jsonSchemaValidator: new CfWorkerJsonSchemaValidator() },
    );
    server.setRequestHandler(ListToolsRequestSchema, async () => ({
      tools: tools.map((t) => ({
        name: t.name,
        description: `the ${t.name} tool`,
        inputSchema: { type: "object" as const, properties: { text: { type: "string" } } },
        ...(t.annotations ? { annotations: t.annotations } : {}),
      })),
    }));
    server.setRequestHandler(CallToolRequestSchema, async (req) => {
      const tool = tools.find((t) => t.name === req.params.name);
      if (!tool) return { content: [{ type: "text", text: "no such tool" }], isError: true };
      const out = await tool.run((req.params.arguments ?? {}) as Record<string, unknown>);
      return { content: [{ type: "text", text: out.text }], isError: out.isError ?? false };
    });
    const transport = new WebStandardStreamableHTTPServerTransport({ enableJsonResponse: true });
    await server.connect(transport);
    return transport.handleRequest(request);
  });
  return {
    seen,
    calls: () => seen.filter((s) => s.body.includes('"tools/call"')),
    setDown: (value: boolean) => {
      down = value;
    },
    restore: () => spy.mockRestore(),
  };
}
