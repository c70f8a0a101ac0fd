import { OpenAPIHono } from "@hono/zod-openapi";

import { auditedQuery } from "../audit/outbox";
import { database } from "../../platform/db/client";
import { keyStatus } from "./key-status";
import type { AppEnv } from "../login-sessions/app-env";
import { validationHook } from "../../platform/http/validation";

import { getKeyStatus, rotateKey, rewrapSecrets } from "./contract";
import { authorize } from "../tenancy/access";
import { openVault } from "./deks";
import { withVaultErrors } from "./errors";

import { rewrapDeks } from "./rewrap";
import { rotateDek } from "./rotate-dek";

/** A tenant's vault keys: status, DEK rotation and KEK rewrap. Never any key material. */
export const keyRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

keyRoutes.openapi(getKeyStatus, async (c) => {
  const access = authorize(c, "keys.read");
  return c.json(await keyStatus(c.env.DB, c.var.config.vaultKeks, access.tenantId), 200);
});

keyRoutes.openapi(rotateKey, async (c) => {
  const access = authorize(c, "keys.rotate_dek");
  const { max_secrets } = c.req.valid("json");
  const progress = await withVaultErrors(c.var.requestId, async () =>
    rotateDek(await openVault(c.env.DB, c.var.config.vaultKeks), access.tenantId, {
      maxSecrets: max_secrets,
      audit: (change) =>
        auditedQuery(c, database(c.env.DB), access, "dek.rotated", change, { ifChanged: true }),
    }),
  );
  return c.json(progress, 200);
});

keyRoutes.openapi(rewrapSecrets, async (c) => {
  const access = authorize(c, "keys.rewrap");
  const { limit } = c.req.valid("json");
  const vault = await openVault(c.env.DB, c.var.config.vaultKeks);
  const result = await rewrapDeks(vault, {
    tenantId: access.tenantId,
    limit,
    audit: ({ tenantId: _, ...change }) =>
      auditedQuery(c, database(c.env.DB), access, "kek.rewrapped", change, { ifChanged: true }),
  });
  return c.json(result, 200);
});
