import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/cfworker";
import { checkUpstreamUrl } from "../../../core/mcp/upstream-egress";
import type { FetchPort } from "../../../platform/ports";
import type { ToolAnnotations } from "./annotations";

export const GATEWAY_INFO = { name: "gatehouse", version: "0.1.0" } as const;

/** A tool as an upstream server lists it (what Gatehouse keeps of it). */
export interface UpstreamTool {
  name: string;
  description: string;
  inputSchema: Record<string, unknown>;
  annotations: ToolAnnotations;
}

export interface UpstreamTarget {
  url: string;
  /** The resolved credential, sent as `Authorization: Bearer` to this server only. */
  bearer: string | null;
  timeoutMs: number;
  /** A server on loopback (only with the explicit test/development setting). */
  allowLoopback: boolean;
  fetch: FetchPort;
}

export class UpstreamError extends Error {
  override name = "UpstreamError";
}

/**
 * Every request the SDK client makes (the first one, and any redirect it follows) goes through
 * the egress rules; a refusal never reaches the network.
 */
function egressFetch(target: UpstreamTarget): typeof fetch {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const decision = checkUpstreamUrl(url, target.allowLoopback);
    if (!decision.allowed) {
      throw new UpstreamError(`refused by the egress rules: ${decision.reason}`);
    }
    return target.fetch(input, { ...init, redirect: "manual" });
  };
}

/** Connects as an MCP client (initialize + initialized) with the official SDK. */
export async function connectUpstream(target: UpstreamTarget): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(target.url), {
    fetch: egressFetch(target),
    requestInit: target.bearer ? { headers: { authorization: `Bearer ${target.bearer}` } } : {},
  });
  const client = new Client(GATEWAY_INFO, {
    jsonSchemaValidator: new CfWorkerJsonSchemaValidator(),
  });
  await client.connect(transport, { timeout: target.timeoutMs });
  return client;
}

export async function listUpstreamTools(
  client: Client,
  timeoutMs: number,
): Promise<UpstreamTool[]> {
  const tools: UpstreamTool[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const result = await client.listTools(cursor ? { cursor } : {}, { timeout: timeoutMs });
    for (const t of result.tools) {
      tools.push({
        name: t.name,
        description: (t.description ?? "").slice(0, 2000),
        inputSchema: t.inputSchema as Record<string, unknown>,
        annotations: (t.annotations ?? {}) as ToolAnnotations,
      });
    }
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return tools;
}

/** The parts of a tools/call result Gatehouse passes on (text), before wrapping and masking. */
export interface UpstreamResult {
  texts: string[];
  omitted: string[];
  isError: boolean;
}

export async function callUpstreamTool(
  client: Client,
  name: string,
  args: Record<string, unknown>,
  timeoutMs: number,
): Promise<UpstreamResult> {
  const result = await client.callTool({ name, arguments: args }, undefined, {
    timeout: timeoutMs,
  });
  const texts: string[] = [];
  const omitted: string[] = [];
  for (const item of (result.content ?? []) as {
    type: string;
    text?: string;
    resource?: { text?: string };
  }[]) {
    if (item.type === "text" && typeof item.text === "string") texts.push(item.text);
    else if (item.type === "resource" && typeof item.resource?.text === "string")
      texts.push(item.resource.text);
    else omitted.push(item.type);
  }
  return { texts, omitted, isError: result.isError === true };
}

/** A failure as a short message for the agent and the audit log (never a credential). */
export function describeUpstreamFailure(e: unknown): string {
  if (e instanceof UpstreamError) return e.message;
  if (e instanceof Error) {
    if (/timed? ?out/i.test(e.message) || e.name === "TimeoutError")
      return "the upstream server timed out";
    return `the upstream server failed: ${e.message.slice(0, 200)}`;
  }
  return "the upstream server failed";
}
