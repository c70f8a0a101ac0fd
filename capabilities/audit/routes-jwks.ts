import { Hono } from "hono";
import { checkpointJwks, importCheckpointSigner, parseJwks } from "../../core/audit";
import type { AppEnv } from "../login-sessions/app-env";

/**
 * Public keys for audit checkpoints: the current `SIGNING_KEY`'s public half, then any retired
 * keys from `SIGNING_KEYS_RETIRED` (a JWKS), so checkpoints signed before a rotation still verify.
 */
export const jwksRoutes = new Hono<AppEnv>();

jwksRoutes.get("/.well-known/jwks.json", async (c) => {
  const keys = [];
  if (c.env.SIGNING_KEY) keys.push((await importCheckpointSigner(c.env.SIGNING_KEY)).publicJwk);
  if (c.env.SIGNING_KEYS_RETIRED)
    keys.push(...parseJwks(JSON.parse(c.env.SIGNING_KEYS_RETIRED)).keys);
  c.header("cache-control", "public, max-age=300");
  return c.json(checkpointJwks(keys as never));
});
