import { Hono } from "hono";
import { headJwks, importHeadSigner, parseJwks } from "../../core/audit";
import type { AppEnv } from "../login-sessions/app-env";
import { getJwks } from "./contract";

/**
 * Public keys for the audit log's signed heads: the current `SIGNING_KEY`'s public half, then any retired
 * keys from `SIGNING_KEYS_RETIRED` (a JWKS), so heads signed before a rotation still verify.
 * Outside the OpenAPI document (public and cacheable, unlike every route there); its definition
 * gives the console the path and the answer's type.
 */
export const jwksRoutes = new Hono<AppEnv>();

jwksRoutes.get(getJwks.path, async (c) => {
  const keys = [];
  if (c.env.SIGNING_KEY) keys.push((await importHeadSigner(c.env.SIGNING_KEY)).publicJwk);
  if (c.env.SIGNING_KEYS_RETIRED)
    keys.push(...parseJwks(JSON.parse(c.env.SIGNING_KEYS_RETIRED)).keys);
  c.header("cache-control", "public, max-age=300");
  return c.json(headJwks(keys as never));
});
