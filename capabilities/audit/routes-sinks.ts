import { OpenAPIHono } from "@hono/zod-openapi";
import { checkEgress } from "../../core/egress";
import type { AppEnv } from "../login-sessions/app-env";
import { ApiError } from "../../platform/http/errors";
import { validationHook } from "../../platform/http/validation";
import { unwrap } from "../../platform/tenant-stub";
import { actorOf } from "../tenancy/actor";
import type { AuditRpc } from "./tenant-do/rpc";

import { authorize } from "../tenancy/access";
import { listAuditSinks, createAuditSink, deleteAuditSink, testAuditSink } from "./contract";

/**
 * SIEM sinks: the tenant's audit log streamed, in order and at least once, to a webhook
 * (NDJSON, HMAC-signed), Splunk HEC or syslog over TCP/TLS. Secrets (the HMAC key, the HEC
 * token) are vault secret names; their values are read at send time and never returned.
 */
export const auditSinkRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

function checkDestination(url: string, development: boolean): string | null {
  if (development && /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(url)) return null;
  const egress = checkEgress(url, { httpsOnly: true });
  return egress.allowed ? null : egress.reason;
}

auditSinkRoutes.openapi(listAuditSinks, async (c) => {
  const access = authorize(c, "audit.read");
  const sinks = unwrap(await access.stub<AuditRpc>().listSinks());
  return c.json({ sinks }, 200);
});

auditSinkRoutes.openapi(createAuditSink, async (c) => {
  const access = authorize(c, "audit.configure");
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
  const stub = access.stub<AuditRpc>();
  return c.json(unwrap(await stub.addSink(sink, from_seq, actorOf(access))), 201);
});

auditSinkRoutes.openapi(deleteAuditSink, async (c) => {
  const access = authorize(c, "audit.configure");
  const { id } = c.req.valid("param");
  const stub = access.stub<AuditRpc>();
  unwrap(await stub.removeSink(id, actorOf(access)));
  return c.json({ ok: true as const }, 200);
});

auditSinkRoutes.openapi(testAuditSink, async (c) => {
  const access = authorize(c, "audit.configure");
  const { id } = c.req.valid("param");
  return c.json(unwrap(await access.stub<AuditRpc>().testSink(id)), 200);
});
