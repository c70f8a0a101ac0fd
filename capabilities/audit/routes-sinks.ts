import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { checkEgress } from "../../core/egress";
import type { AppEnv } from "../login-sessions/app-env";
import { ApiError } from "../../platform/http/errors";
import { validationHook } from "../../platform/http/validation";
import { tenantStub, unwrap } from "../../platform/tenant-stub";
import { actorOf } from "../tenancy/actor";
import type { AuditRpc } from "./tenant-do/rpc";
import { errorResponses, json, jsonBody } from "../../core/contract/common";
import { TenantParam } from "../runs/contract";
import { SecretName } from "../vault/contract";
import { requireTenantAccess } from "../tenancy/access";

/**
 * SIEM sinks: the tenant's audit log streamed, in order and at least once, to a webhook
 * (NDJSON, HMAC-signed), Splunk HEC or syslog over TCP/TLS. Secrets (the HMAC key, the HEC
 * token) are vault secret names; their values are read at send time and never returned.
 */
export const auditSinkRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const Url = z.string().min(1).max(2048);
const SinkConfig = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("webhook"), url: Url, secret: SecretName }).strict(),
  z
    .object({
      kind: z.literal("splunk_hec"),
      url: Url,
      token_secret: SecretName,
      index: z.string().min(1).max(80).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal("syslog"),
      host: z.string().min(1).max(253),
      port: z.number().int().min(1).max(65535),
      tls: z.boolean(),
    })
    .strict(),
]);
const SinkBody = z.object({
  sink: SinkConfig,
  /** Deliver events after this seq (0: the whole log). */
  from_seq: z.number().int().min(0).default(0),
});
const Sink = z
  .object({
    id: z.string(),
    kind: z.enum(["webhook", "splunk_hec", "syslog"]),
    config: SinkConfig,
    last_seq: z.number().int(),
    lag: z.number().int(),
    failures: z.number().int(),
    last_error: z.string().nullable(),
    last_delivered_at: z.number().int().nullable(),
    next_attempt_at: z.number().int(),
  })
  .openapi("AuditSink");

function checkDestination(url: string, development: boolean): string | null {
  if (development && /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(url)) return null;
  const egress = checkEgress(url, { httpsOnly: true });
  return egress.allowed ? null : egress.reason;
}

auditSinkRoutes.openapi(
  createRoute({
    method: "get",
    path: "/api/tenants/{t}/audit/sinks",
    tags: ["audit"],
    summary: "SIEM sinks and their delivery state (last delivered seq, lag, last error)",
    request: { params: TenantParam },
    responses: { 200: json(z.object({ sinks: z.array(Sink) })), ...errorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "audit.read");
    const sinks = unwrap(await tenantStub<AuditRpc>(c.env, access.tenantId).listSinks());
    return c.json({ sinks }, 200);
  },
);

auditSinkRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/tenants/{t}/audit/sinks",
    tags: ["audit"],
    summary: "Stream the audit log to a webhook, Splunk HEC or syslog (TCP/TLS)",
    request: { params: TenantParam, body: jsonBody(SinkBody) },
    responses: { 201: json(Sink), ...errorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "audit.configure");
    const { sink, from_seq } = c.req.valid("json");
    const development = c.env.ENVIRONMENT === "development";
    // A syslog receiver on this machine, for local testing only (as MCP_UPSTREAM_ALLOW_LOOPBACK).
    const loopbackSyslog =
      sink.kind === "syslog" &&
      development &&
      c.env.SINK_ALLOW_LOOPBACK === "true" &&
      /^(localhost|127\.0\.0\.1)$/.test(sink.host);
    const target =
      sink.kind === "syslog" ? `https://${sink.host}:${sink.port}/` : (sink.url as string);
    const refused = loopbackSyslog
      ? null
      : checkDestination(target, development && sink.kind !== "syslog");
    if (refused)
      throw new ApiError(400, "invalid_request", `Sink destination refused: ${refused}.`, [
        { path: sink.kind === "syslog" ? "sink.host" : "sink.url", message: refused },
      ]);
    const stub = tenantStub<AuditRpc>(c.env, access.tenantId);
    return c.json(unwrap(await stub.addSink(sink, from_seq, actorOf(access))), 201);
  },
);

auditSinkRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/api/tenants/{t}/audit/sinks/{id}",
    tags: ["audit"],
    summary: "Stop streaming to a sink",
    request: { params: TenantParam.extend({ id: z.string().min(1).max(64) }) },
    responses: { 200: json(z.object({ ok: z.literal(true) })), ...errorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "audit.configure");
    const { id } = c.req.valid("param");
    const stub = tenantStub<AuditRpc>(c.env, access.tenantId);
    unwrap(await stub.removeSink(id, actorOf(access)));
    return c.json({ ok: true as const }, 200);
  },
);

auditSinkRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/tenants/{t}/audit/sinks/{id}/test",
    tags: ["audit"],
    summary:
      "Deliver a sink's backlog now, or resend its last delivered event (same seq), and report",
    request: { params: TenantParam.extend({ id: z.string().min(1).max(64) }) },
    responses: {
      200: json(z.object({ delivered: z.boolean(), sink: Sink })),
      ...errorResponses,
    },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "audit.configure");
    const { id } = c.req.valid("param");
    return c.json(unwrap(await tenantStub<AuditRpc>(c.env, access.tenantId).testSink(id)), 200);
  },
);
