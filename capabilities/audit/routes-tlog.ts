import { database } from "../../platform/db/client";
import { tenantExists } from "../tenancy/tenant-repository";
import { OpenAPIHono, z } from "@hono/zod-openapi";
import { Hono } from "hono";
import { checkEgress } from "../../core/egress";
import { NoteError, parseVerifierKey, SIG_COSIGNATURE_V1 } from "../../core/audit/c2sp-note";
import { parseTilePath } from "../../core/audit/tiles";
import type { AppEnv } from "../login-sessions/app-env";
import { ApiError } from "../../platform/http/errors";
import { validationHook } from "../../platform/http/validation";
import { tenantStub, unwrap } from "../../platform/tenant-stub";
import { actorOf } from "../tenancy/actor";
import type { AuditRpc } from "./tenant-do/rpc";

import { authorize } from "../tenancy/access";
import {
  getAuditSignedHead,
  getAuditTlogProof,
  listAuditLogKeys,
  getAuditTransparency,
  setAuditTransparencyPublic,
  addAuditWitness,
  deleteAuditWitness,
  rotateAuditLogKey,
} from "./contract";

/**
 * The audit log as a C2SP transparency log: signed heads as notes (with witness
 * cosignatures), `.tlog-proof` downloads, the per-tenant key history, witness configuration,
 * and the opt-in public verification data under `/audit/{t}/…` (the log's origin is
 * `<public host>/audit/<tenant>`, so the origin names where its data is served).
 *
 * The signed head is called a "checkpoint" only where a spec names it so: the C2SP
 * tlog-checkpoint note format and the tlog-tiles `…/checkpoint` URL (both paths below).
 */
export const auditTlogRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const NOTE = "text/plain; charset=utf-8";
const text = (status: 200, body: string, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { "content-type": NOTE, ...headers } });

auditTlogRoutes.openapi(getAuditSignedHead, async (c) => {
  const access = authorize(c, "audit.read");
  const cp = unwrap(await access.stub<AuditRpc>().tlogHead());
  return text(200, cp.note, { "cache-control": "no-store" }) as never;
});

auditTlogRoutes.openapi(getAuditTlogProof, async (c) => {
  const access = authorize(c, "audit.read");
  const { seq } = c.req.valid("param");
  const file = unwrap(await access.stub<AuditRpc>().tlogProofFile(seq));
  return text(200, file, {
    "content-disposition": `attachment; filename="audit-${access.tenantId}-${seq}.tlog-proof"`,
  }) as never;
});

auditTlogRoutes.openapi(listAuditLogKeys, async (c) => {
  const access = authorize(c, "audit.read");
  return c.json(unwrap(await access.stub<AuditRpc>().tlogKeys()), 200);
});

auditTlogRoutes.openapi(getAuditTransparency, async (c) => {
  const access = authorize(c, "audit.read");
  return c.json(unwrap(await access.stub<AuditRpc>().tlogSettings()), 200);
});

auditTlogRoutes.openapi(setAuditTransparencyPublic, async (c) => {
  const access = authorize(c, "audit.configure");
  const { enabled } = c.req.valid("json");
  const stub = access.stub<AuditRpc>();
  return c.json(unwrap(await stub.tlogSetPublic(enabled, actorOf(access))), 200);
});

auditTlogRoutes.openapi(addAuditWitness, async (c) => {
  const access = authorize(c, "audit.configure");
  const { url, vkey } = c.req.valid("json");
  const issue = (path: string, message: string) =>
    new ApiError(400, "invalid_request", message, [{ path, message }]);
  try {
    if (parseVerifierKey(vkey).type !== SIG_COSIGNATURE_V1)
      throw issue("vkey", "A witness key is an Ed25519 cosignature vkey (type 0x04).");
  } catch (e) {
    if (e instanceof NoteError) throw issue("vkey", e.message);
    throw e;
  }
  const development = c.env.ENVIRONMENT === "development";
  const local = /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(url);
  if (!(development && local)) {
    const egress = checkEgress(url, { httpsOnly: true });
    if (!egress.allowed) throw issue("url", `Witness URL refused: ${egress.reason}.`);
  }
  const stub = access.stub<AuditRpc>();
  const added = unwrap(await stub.tlogAddWitness({ url, vkey }, actorOf(access)));
  return c.json(added, 201);
});

auditTlogRoutes.openapi(deleteAuditWitness, async (c) => {
  const access = authorize(c, "audit.configure");
  const { id } = c.req.valid("param");
  unwrap(await access.stub<AuditRpc>().tlogRemoveWitness(id, actorOf(access)));
  return c.json({ ok: true as const }, 200);
});

auditTlogRoutes.openapi(rotateAuditLogKey, async (c) => {
  const access = authorize(c, "audit.rotate_log_key");
  const stub = access.stub<AuditRpc>();
  return c.json(unwrap(await stub.tlogRotateKey(actorOf(access))), 200);
});

/**
 * Public, unauthenticated, read-only verification data for tenants that opted in. An unknown
 * tenant and a tenant that did not opt in answer the same 404 (and no Durable Object is made).
 */
export const publicTlogRoutes = new Hono<AppEnv>();

async function publicStub(c: { env: AppEnv["Bindings"] }, tenantId: string) {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(tenantId)) throw new ApiError(404, "not_found", "No such log.");
  if (!(await tenantExists(database(c.env.DB), tenantId)))
    throw new ApiError(404, "not_found", "No such log.");
  return tenantStub<AuditRpc>(c.env, tenantId);
}

publicTlogRoutes.get("/audit/:t/checkpoint", async (c) => {
  const t = c.req.param("t");
  const cp = unwrap(await (await publicStub(c, t)).tlogPublicHead());
  return text(200, cp.note, {
    "cache-control": "public, max-age=5",
    "access-control-allow-origin": "*",
  });
});

publicTlogRoutes.get("/audit/:t/log-keys", async (c) => {
  const t = c.req.param("t");
  const keys = unwrap(await (await publicStub(c, t)).tlogKeys(true));
  c.header("cache-control", "public, max-age=60");
  c.header("access-control-allow-origin", "*");
  return c.json(keys);
});

/**
 * c2sp.org/tlog-tiles hash tiles: `/audit/{t}/tile/<L>/<N>[.p/<W>]`. A tile's content at a
 * given width never changes, so full and partial tiles alike are immutable. Entry bundles are
 * not served: they would publish the events themselves, and the opt-in covers only
 * verification data (hashes and signed heads).
 */
publicTlogRoutes.get("/audit/:t/tile/*", async (c) => {
  const t = c.req.param("t");
  const prefix = `/audit/${t}/tile/`;
  const request = c.req.path.startsWith(prefix)
    ? parseTilePath(c.req.path.slice(prefix.length))
    : null;
  if (!request) throw new ApiError(404, "not_found", "No such tile.");
  const stub = await publicStub(c, t);
  const tile = unwrap(await stub.tlogPublicTile(request.level, request.index, request.width));
  return new Response(tile, {
    headers: {
      "content-type": "application/octet-stream",
      "cache-control": "public, max-age=31536000, immutable",
      "access-control-allow-origin": "*",
    },
  });
});

const ConsistencyQuery = z.object({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1).optional(),
});

/** Not a C2SP endpoint: a convenience for monitors that do not compute proofs from tiles. */
publicTlogRoutes.get("/audit/:t/proofs/consistency", async (c) => {
  const t = c.req.param("t");
  const parsed = ConsistencyQuery.safeParse(c.req.query());
  if (!parsed.success)
    throw new ApiError(
      400,
      "invalid_request",
      "Need integer from ≥ 1 and optional to.",
      parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  const proof = unwrap(
    await (await publicStub(c, t)).tlogPublicConsistency(parsed.data.from, parsed.data.to),
  );
  // A proof between two fixed sizes never changes; one up to "now" does.
  c.header(
    "cache-control",
    parsed.data.to === undefined ? "public, max-age=5" : "public, max-age=31536000, immutable",
  );
  c.header("access-control-allow-origin", "*");
  return c.json(proof);
});
