import { clock } from "../../platform/clock";
import { OpenAPIHono } from "@hono/zod-openapi";
import { checkEgress } from "../../core/egress";
import { isLocalModelServer, PROVIDER_CATALOG } from "../../core/providers/catalog";
import { canonicalOrigin, parseOrigin, type Destination } from "../../core/secrets/destinations";
import type { AppEnv } from "../login-sessions/app-env";
import { ApiError } from "../../platform/http/errors";
import { validationHook } from "../../platform/http/validation";
import { unwrap } from "../../platform/tenant-stub";
import { actorOf } from "../tenancy/actor";
import type { ProvidersRpc } from "./tenant-do/rpc";

import { listProviders, putProvider, deleteProvider } from "./contract";

import { authorize } from "../tenancy/access";
import { getSecretMeta, setSecretDestinations } from "../vault/secrets";
import { destinationsAudit } from "../vault/routes";

/**
 * A tenant's model providers. Sessions name one by id; its key (a vault secret) is bound to the
 * provider's base URL origin and can be sent nowhere else by that binding.
 */
export const providerRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const badUrl = (message: string) =>
  new ApiError(400, "invalid_request", "The provider URL is not allowed.", [
    { path: "base_url", message },
  ]);

/**
 * Known providers use their official URL. A custom OpenAI-compatible server must be a public
 * https origin; a model server on this machine only when the deployment sets
 * ALLOW_LOCAL_PROVIDERS=true.
 */
function baseUrlFor(
  kind: keyof typeof PROVIDER_CATALOG,
  given: string | undefined,
  allowLocal: boolean,
): string {
  const official = PROVIDER_CATALOG[kind].baseUrl;
  if (official !== null) {
    if (given !== undefined && given.replace(/\/+$/, "") !== official) {
      throw badUrl(`${kind} always uses ${official}; use kind "custom" for another server`);
    }
    return official;
  }
  if (given === undefined) throw badUrl("a custom provider needs its base_url");
  const url = new URL(given);
  if (url.search || url.hash || url.username || url.password) {
    throw badUrl("no query, fragment or credentials");
  }
  const base = `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  if (isLocalModelServer(url)) {
    if (!allowLocal) throw badUrl("local model servers need ALLOW_LOCAL_PROVIDERS=true");
    return base;
  }
  const decision = checkEgress(base, { httpsOnly: true });
  if (!decision.allowed) throw badUrl(decision.reason);
  return base;
}

const providerDestination = (id: string, baseUrl: string): Destination => {
  const origin = parseOrigin(new URL(baseUrl).origin);
  if (typeof origin === "string") throw badUrl(origin);
  return { origin: canonicalOrigin(origin), via: { kind: "provider", id } };
};

providerRoutes.openapi(listProviders, async (c) => {
  const access = authorize(c, "providers.read");
  const providers = unwrap(await access.stub<ProvidersRpc>().listProviders());
  return c.json({ providers }, 200);
});

providerRoutes.openapi(putProvider, async (c) => {
  const access = authorize(c, "providers.configure");
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  const baseUrl = baseUrlFor(body.kind, body.base_url, c.var.config.allowLocalProviders);
  const stub = access.stub<ProvidersRpc>();
  const key = await getSecretMeta(c.env.DB, access.tenantId, body.key_secret);
  if (!key) {
    throw new ApiError(400, "invalid_request", "The key secret is not in the vault.", [
      { path: "key_secret", message: `store ${body.key_secret} first` },
    ]);
  }
  // The key goes to this provider's origin, and this binding is the only provider binding
  // naming the provider: an earlier key (or origin) of the same provider is unbound.
  const previous = unwrap(await stub.listProviders()).find((p) => p.id === id);
  const binding = providerDestination(id, baseUrl);
  const unbind = async (name: string) => {
    const meta = await getSecretMeta(c.env.DB, access.tenantId, name);
    if (!meta) return;
    const kept = meta.destinations.filter((d) => !(d.via.kind === "provider" && d.via.id === id));
    const next = name === body.key_secret ? [...kept, binding] : kept;
    const changed = await setSecretDestinations(c.env.DB, {
      tenantId: access.tenantId,
      name,
      destinations: next,
      actor: access.actor,
      now: clock.now(),
      audit: destinationsAudit(c, access, name, next),
    });
  };
  if (previous && previous.key_secret !== body.key_secret) await unbind(previous.key_secret);
  await unbind(body.key_secret);
  const { provider, created } = unwrap(
    await stub.putProvider(
      { id, kind: body.kind, baseUrl, models: body.models, keySecret: body.key_secret },
      actorOf(access),
    ),
  );
  return c.json({ provider }, created ? 201 : 200);
});

providerRoutes.openapi(deleteProvider, async (c) => {
  const access = authorize(c, "providers.configure");
  const { id } = c.req.valid("param");
  const stub = access.stub<ProvidersRpc>();
  const provider = unwrap(await stub.removeProvider(id, actorOf(access)));
  const meta = await getSecretMeta(c.env.DB, access.tenantId, provider.key_secret);
  if (meta) {
    const next = meta.destinations.filter((d) => !(d.via.kind === "provider" && d.via.id === id));
    const changed = await setSecretDestinations(c.env.DB, {
      tenantId: access.tenantId,
      name: provider.key_secret,
      destinations: next,
      actor: access.actor,
      now: clock.now(),
      audit: destinationsAudit(c, access, provider.key_secret, next),
    });
  }
  return c.json({ provider }, 200);
});
