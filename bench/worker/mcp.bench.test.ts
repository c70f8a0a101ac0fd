import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/cfworker";
import { expect, it } from "vitest";
import { call } from "../../tests/helpers/client";
import { upstreamServer, UPSTREAM_URL } from "../../tests/helpers/mcp-upstream";
import {
  activatePolicy,
  callTool,
  initialize,
  mcpTenant,
  request,
  textOf,
} from "../../capabilities/mcp/tests/helpers";
import { report, summarize } from "../measure";

/*
 * What the gateway adds to a tools/call: the same upstream tool (an SDK server answering
 * in-process at the HTTP boundary) called directly with the SDK client, and through the tenant's
 * MCP endpoint (auth → session check → policy verdict → checkpoint → forward → wrap/mask →
 * report → audit). Both keep their connection; workerd's clock moves at I/O, so each sample is
 * a batch of calls divided by its size.
 */
const BATCHES = 12;
const PER_BATCH = 10;

async function batches(fn: () => Promise<void>): Promise<number[]> {
  for (let i = 0; i < PER_BATCH; i++) await fn();
  const out: number[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const t0 = performance.now();
    for (let i = 0; i < PER_BATCH; i++) await fn();
    out.push((performance.now() - t0) / PER_BATCH);
  }
  return out.slice(2);
}

it("gated tools/call over a direct upstream call", async () => {
  const upstream = upstreamServer([
    {
      name: "echo",
      annotations: { readOnlyHint: true },
      run: async (a) => ({ text: `echo ${a.text}` }),
    },
  ]);
  try {
    const t = await mcpTenant();
    await activatePolicy(
      t,
      "version: 1\ndefaults: { on_no_match: deny }\nrules:\n  - id: up\n    match: { tool: up.echo }\n    decision: allow\n",
    );
    const put = await call(`/api/tenants/${t.tenantId}/mcp/servers/up`, {
      method: "PUT",
      body: { url: UPSTREAM_URL },
      cookie: t.cookie,
    });
    expect(put.status).toBe(200);
    const { session } = await initialize(t.tenantId, t.token, "bench");
    const s = { ...t, session };

    const direct = new Client(
      { name: "bench", version: "1" },
      { jsonSchemaValidator: new CfWorkerJsonSchemaValidator() },
    );
    await direct.connect(new StreamableHTTPClientTransport(new URL(UPSTREAM_URL)));
    const directSamples = await batches(async () => {
      await direct.callTool({ name: "echo", arguments: { text: "x" } });
    });
    const gatedSamples = await batches(async () => {
      const res = await callTool(s, "up.echo", { text: "x" });
      if (!textOf(res.reply).includes("echo x")) throw new Error("unexpected result");
    });
    // The part that is not the tool call: bearer check, session check and the SDK's transport.
    const pingSamples = await batches(async () => {
      const res = await request(s, "ping");
      if (res.reply.error) throw new Error("ping failed");
    });
    const d = summarize(directSamples);
    const g = summarize(gatedSamples);
    const p = summarize(pingSamples);
    const samples = (BATCHES - 2) * PER_BATCH;
    report({
      name: "MCP tools/call direct to the upstream (SDK client)",
      median: d.medianMs,
      p95: d.p95Ms,
      unit: "ms",
      budget: "reference",
      samples,
    });
    report({
      name: "MCP tools/call through the gateway",
      median: g.medianMs,
      p95: g.p95Ms,
      unit: "ms",
      budget: "reference",
      samples,
    });
    report({
      name: "MCP ping through the gateway (auth, session, transport)",
      median: p.medianMs,
      p95: p.p95Ms,
      unit: "ms",
      budget: "reference",
      samples,
    });
    report({
      name: "MCP gateway: added latency of a gated tools/call",
      median: g.medianMs - d.medianMs,
      p95: g.p95Ms - d.p95Ms,
      unit: "ms",
      budget: "≤ 25 ms",
      samples,
    });
  } finally {
    upstream.restore();
  }
});
