import { clock } from "../../platform/clock";
import {
  AuthorizationError,
  CimdFetchError,
  type ConsentDescription,
} from "@cloudflare/workers-oauth-provider";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { escapeHtml } from "../../core/html";
import { can } from "../../core/permissions";
import { requireSession } from "../login-sessions/principal";
import type { AppEnv } from "../login-sessions/app-env";
import { ApiError, errors } from "../../platform/http/errors";
import { htmlPage } from "../../platform/http/html-page";
import { validationHook } from "../../platform/http/validation";

import { authorizationServer, MCP_SCOPE, type McpGrantProps } from "./oauth-server";
import { consentScreen, TENANT_ID } from "./urls";
import { database } from "../../platform/db/client";
import { membershipWithTenantName, replaceGrant } from "./repository";
import { getOauthConsent, answerOauthConsent } from "./contract";

/**
 * The OAuth authorization endpoint and the console's consent screen behind it. The library
 * validates the request (client, exact redirect URI, PKCE S256, resource) and keeps it
 * server-side under a one-time handle bound to this browser by a `__Host-` cookie; the console
 * shows the handle's facts to the signed-in member, who approves or denies.
 */
export const consentRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const CONSENT_TTL_SECONDS = 600;
const kvKey = (handle: string) => `gatehouse-consent:${handle}`;

interface StoredConsent {
  tenant_id: string;
  /** The first signed-in person who opened the screen; nobody else may answer it. */
  user_id: string | null;
  details: ConsentDescription;
}

const publicOrigin = (c: Context<AppEnv>) => c.var.config.origins[0]!;

consentRoutes.get("/oauth/:t/authorize", async (c) => {
  const t = c.req.param("t");
  if (!TENANT_ID.test(t)) return htmlPage("Not found", "<p>No such workspace.</p>", 404);
  const oauth = authorizationServer(publicOrigin(c), t).getOAuthApi(c.env);
  try {
    const request = await oauth.parseAuthRequest(c.req.raw);
    const details = await oauth.describeConsent(request);
    const consent = await oauth.beginConsent(request);
    const stored: StoredConsent = { tenant_id: t, user_id: null, details };
    await c.env.OAUTH_KV.put(kvKey(consent.handle), JSON.stringify(stored), {
      expirationTtl: CONSENT_TTL_SECONDS,
    });
    const headers = new Headers(consent.headers);
    headers.set("Location", consentScreen(publicOrigin(c), t, consent.handle));
    return new Response(null, { status: 302, headers });
  } catch (e) {
    if (e instanceof AuthorizationError && e.redirectTo) return c.redirect(e.redirectTo, 302);
    if (e instanceof AuthorizationError || e instanceof CimdFetchError) {
      const message =
        e instanceof AuthorizationError ? e.description : "This app could not be verified.";
      return htmlPage(
        "This connection request is not valid",
        `<p>${escapeHtml(message ?? "")}</p>`,
        400,
      );
    }
    throw e;
  }
});

/** The consent of `handle`, claimed for the signed-in member (404 for anyone else). */
async function claim(c: Context<AppEnv>, handle: string) {
  const person = requireSession(c);
  const raw = await c.env.OAUTH_KV.get(kvKey(handle));
  const stored = raw ? (JSON.parse(raw) as StoredConsent) : null;
  if (!stored || (stored.user_id !== null && stored.user_id !== person.userId)) {
    throw new ApiError(404, "not_found", "This connection request has expired or was answered.");
  }
  const member = await membershipWithTenantName(
    database(c.env.DB),
    stored.tenant_id,
    person.userId,
  );
  if (!member) throw errors.notFound("Tenant");
  if (stored.user_id === null) {
    stored.user_id = person.userId;
    await c.env.OAUTH_KV.put(kvKey(handle), JSON.stringify(stored), {
      expirationTtl: CONSENT_TTL_SECONDS,
    });
  }
  return { person, stored, member };
}

consentRoutes.openapi(getOauthConsent, async (c) => {
  const { stored, member } = await claim(c, c.req.valid("param").handle);
  const d = stored.details;
  return c.json(
    {
      tenant: { id: stored.tenant_id, name: member.name },
      role: member.role,
      may_connect: can(member.role, "steps.propose"),
      client: {
        id: d.clientId,
        name: d.clientName,
        domain: d.clientDomain ?? null,
        uri: d.clientUri ?? null,
      },
      redirect_host: d.redirectHost,
      redirect_is_loopback: d.redirectIsLoopback,
      scopes: d.scope.length > 0 ? d.scope : [MCP_SCOPE],
    },
    200,
  );
});

consentRoutes.openapi(answerOauthConsent, async (c) => {
  const { handle } = c.req.valid("param");
  const { decision } = c.req.valid("json");
  const { person, stored, member } = await claim(c, handle);
  const oauth = authorizationServer(publicOrigin(c), stored.tenant_id).getOAuthApi(c.env);
  const answer = async () => {
    if (decision === "deny") {
      const denied = await oauth.denyConsent(c.req.raw, handle);
      return { redirectTo: denied.redirectTo, headers: denied.headers };
    }
    if (!can(member.role, "steps.propose")) {
      throw errors.forbidden(`Your role (${member.role}) may not connect MCP clients.`);
    }
    const approved = await oauth.approveConsent(c.req.raw, handle, { scope: [MCP_SCOPE] });
    const grantRef = `mcpg_${crypto.randomUUID()}`;
    const props: McpGrantProps = {
      tenant_id: stored.tenant_id,
      user_id: person.userId,
      grant_ref: grantRef,
    };
    const { redirectTo } = await oauth.completeAuthorization({
      request: approved.request,
      userId: person.userId,
      metadata: { grant_ref: grantRef, tenant_id: stored.tenant_id },
      scope: approved.request.scope,
      props,
    });
    const now = clock.now();
    // The library replaced any earlier grant of this person, client and tenant: so do we.
    await replaceGrant(database(c.env.DB), {
      id: grantRef,
      tenantId: stored.tenant_id,
      userId: person.userId,
      clientId: stored.details.clientId,
      clientName: stored.details.clientName.slice(0, 200),
      redirectHost: stored.details.redirectHost.slice(0, 200),
      scopes: approved.request.scope.join(" "),
      createdAt: now,
    });
    return { redirectTo, headers: approved.headers };
  };
  let result: { redirectTo: string; headers: Headers };
  try {
    result = await answer();
  } catch (e) {
    if (e instanceof AuthorizationError) {
      throw new ApiError(
        400,
        "consent_invalid",
        "This connection request expired, was answered, or was opened in another browser. Start again from the app.",
      );
    }
    throw e;
  }
  await c.env.OAUTH_KV.delete(kvKey(handle));
  for (const cookie of result.headers.getSetCookie())
    c.header("set-cookie", cookie, { append: true });
  c.header("cache-control", "no-store");
  return c.json({ redirect_to: result.redirectTo }, 200);
});
