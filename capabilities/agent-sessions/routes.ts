import { OpenAPIHono } from "@hono/zod-openapi";
import { ApiError } from "../../platform/http/errors";
import type { AppEnv } from "../login-sessions/app-env";
import { validationHook } from "../../platform/http/validation";
import { unwrap } from "../../platform/tenant-stub";
import { actorOf } from "../tenancy/actor";
import type { AgentSessionsRpc } from "./tenant-do/rpc";

import {
  createAgentSession,
  listAgentSessions,
  getAgentSession,
  sendAgentSessionMessage,
  cancelAgentSession,
  streamAgentSessionEvents,
} from "./contract";
import { authorize } from "../tenancy/access";

/** Hosted agent sessions: the tenant's Durable Object runs the model loop with a vault key. */
export const agentSessionRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

agentSessionRoutes.openapi(createAgentSession, async (c) => {
  const access = authorize(c, "agent_sessions.create");
  const body = c.req.valid("json");
  const session = unwrap(
    await access.stub<AgentSessionsRpc>().createAgentSession(
      {
        provider_id: body.provider_id,
        model: body.model,
        max_tokens: body.max_tokens,
        system: body.system,
        title: body.title,
      },
      actorOf(access),
    ),
  );
  return c.json({ session }, 201);
});

agentSessionRoutes.openapi(listAgentSessions, async (c) => {
  const access = authorize(c, "agent_sessions.read");
  const sessions = unwrap(await access.stub<AgentSessionsRpc>().listAgentSessions());
  return c.json({ sessions }, 200);
});

agentSessionRoutes.openapi(getAgentSession, async (c) => {
  const access = authorize(c, "agent_sessions.read");
  const { s } = c.req.valid("param");
  const session = unwrap(await access.stub<AgentSessionsRpc>().getAgentSession(s));
  return c.json({ session }, 200);
});

agentSessionRoutes.openapi(sendAgentSessionMessage, async (c) => {
  const access = authorize(c, "agent_sessions.create");
  const { s } = c.req.valid("param");
  const { content } = c.req.valid("json");
  const session = unwrap(
    await access.stub<AgentSessionsRpc>().sendAgentSessionMessage(s, content, actorOf(access)),
  );
  return c.json({ session }, 202);
});

agentSessionRoutes.openapi(cancelAgentSession, async (c) => {
  const access = authorize(c, "agent_sessions.create");
  const { s } = c.req.valid("param");
  const session = unwrap(
    await access.stub<AgentSessionsRpc>().cancelAgentSession(s, actorOf(access)),
  );
  return c.json({ session }, 200);
});

agentSessionRoutes.openapi(streamAgentSessionEvents, async (c) => {
  const access = authorize(c, "agent_sessions.read");
  const { s } = c.req.valid("param");
  const { after } = c.req.valid("query");
  const stub = access.stub<AgentSessionsRpc>();
  if (c.req.header("upgrade")?.toLowerCase() === "websocket") {
    // Browsers send cookies on cross-site WebSocket upgrades: the Origin must be ours.
    const origin = c.req.header("origin");
    if (origin && !c.var.config.origins.includes(origin)) {
      throw new ApiError(403, "origin_not_allowed", "This origin may not open the stream.");
    }
    const headers = new Headers(c.req.raw.headers);
    headers.set("x-gatehouse-agent-session", s);
    headers.set("x-gatehouse-after", String(after));
    return (await stub.fetch(new Request(c.req.url, { headers }))) as never;
  }
  const events = unwrap(await stub.agentSessionEvents(s, after));
  return c.json({ events }, 200);
});
