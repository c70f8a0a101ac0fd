import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { formatTrailerLine } from "../../core/audit";
import { ApiError } from "../../platform/http/errors";
import type { AppEnv } from "../login-sessions/app-env";
import { validationHook } from "../../platform/http/validation";
import { tenantStub, unwrap } from "../../platform/tenant-stub";
import type { AuditRpc } from "./tenant-do/rpc";
import { errorResponses, json } from "../../core/contract/common";
import { AuditEvent, Proof, SignedHead, TenantParam } from "../runs/contract";
import { requireTenantAccess } from "../tenancy/access";

export const auditRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const EXPORT_PAGE = 1000;

auditRoutes.openapi(
  createRoute({
    method: "get",
    path: "/api/tenants/{t}/audit/events",
    tags: ["audit"],
    summary: "Audit events in order, after a sequence number",
    request: {
      params: TenantParam,
      query: z.object({
        after: z.coerce.number().int().min(0).default(0),
        limit: z.coerce.number().int().min(1).max(500).default(100),
        run: z.string().max(64).optional(),
        type: z.string().max(64).optional(),
        // Issue 17 (the console's browser): newest first with a cursor, and filters.
        order: z.enum(["asc", "desc"]).default("asc"),
        before: z.coerce.number().int().min(1).optional(),
        actor: z.string().max(128).optional(),
        since: z.iso.datetime().optional(),
        until: z.iso.datetime().optional(),
        q: z.string().min(1).max(200).optional(),
      }),
    },
    responses: {
      200: json(
        z.object({
          events: z.array(AuditEvent),
          size: z.number().int(),
          /** Pass as `before` (newest first) or `after` for the next page; null: no more. */
          next_cursor: z.number().int().nullable(),
        }),
      ),
      ...errorResponses,
    },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "audit.read");
    const q = c.req.valid("query");
    const page = unwrap(
      await tenantStub<AuditRpc>(c.env, access.tenantId).auditEvents(q.after, q.limit, {
        ...(q.run ? { runId: q.run } : {}),
        ...(q.type ? { type: q.type } : {}),
        order: q.order,
        ...(q.before ? { beforeSeq: q.before } : {}),
        ...(q.actor ? { actorId: q.actor } : {}),
        ...(q.since ? { since: new Date(q.since).toISOString() } : {}),
        ...(q.until ? { until: new Date(q.until).toISOString() } : {}),
        ...(q.q ? { text: q.q } : {}),
      }),
    );
    const last = page.events.at(-1);
    const next_cursor = page.events.length === q.limit && last ? last.seq : null;
    return c.json({ ...page, next_cursor }, 200);
  },
);

auditRoutes.openapi(
  createRoute({
    method: "get",
    path: "/api/tenants/{t}/audit/head",
    tags: ["audit"],
    summary: "Current size and Merkle root, and the latest signed head (as `checkpoint`)",
    request: { params: TenantParam },
    responses: {
      200: json(
        z.object({
          size: z.number().int(),
          root: z.string(),
          checkpoint: SignedHead.nullable(),
        }),
      ),
      ...errorResponses,
    },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "audit.read");
    return c.json(unwrap(await tenantStub<AuditRpc>(c.env, access.tenantId).auditHead()), 200);
  },
);

auditRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/tenants/{t}/audit/checkpoints",
    tags: ["audit"],
    summary:
      "Deprecated (one release): sign a JWS head; use GET …/audit/checkpoint (C2SP signed note)",
    deprecated: true,
    request: { params: TenantParam },
    responses: { 200: json(SignedHead), ...errorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "audit.read");
    return c.json(unwrap(await tenantStub<AuditRpc>(c.env, access.tenantId).signHead()), 200);
  },
);

auditRoutes.openapi(
  createRoute({
    method: "get",
    path: "/api/tenants/{t}/audit/proofs/inclusion",
    tags: ["audit"],
    summary: "RFC 6962 inclusion proof of event `seq` in the tree of `size` events",
    request: {
      params: TenantParam,
      query: z.object({
        seq: z.coerce.number().int().min(1),
        size: z.coerce.number().int().min(1).optional(),
      }),
    },
    responses: { 200: json(Proof), ...errorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "audit.read");
    const { seq, size } = c.req.valid("query");
    return c.json(
      unwrap(await tenantStub<AuditRpc>(c.env, access.tenantId).inclusionProof(seq, size)),
      200,
    );
  },
);

auditRoutes.openapi(
  createRoute({
    method: "get",
    path: "/api/tenants/{t}/audit/proofs/consistency",
    tags: ["audit"],
    summary: "RFC 6962 consistency proof between tree sizes `from` and `to`",
    request: {
      params: TenantParam,
      query: z.object({
        from: z.coerce.number().int().min(1),
        to: z.coerce.number().int().min(1).optional(),
      }),
    },
    responses: { 200: json(Proof), ...errorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "audit.read");
    const { from, to } = c.req.valid("query");
    return c.json(
      unwrap(await tenantStub<AuditRpc>(c.env, access.tenantId).consistencyProof(from, to)),
      200,
    );
  },
);

auditRoutes.openapi(
  createRoute({
    method: "get",
    path: "/api/tenants/{t}/audit/export",
    tags: ["audit"],
    summary:
      "The whole log as JSONL: the stored event lines, then a trailer (size, root, the head signed for exactly them), streamed",
    request: { params: TenantParam },
    responses: {
      200: { description: "JSONL", content: { "application/x-ndjson": { schema: z.string() } } },
      ...errorResponses,
    },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "audit.export");
    const stub = tenantStub<AuditRpc>(c.env, access.tenantId);
    const signed = await stub.signHead();
    if (!signed.ok) throw new ApiError(signed.status, signed.code, signed.message);
    const head = signed.value;
    const encoder = new TextEncoder();
    let after = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (after >= head.size) {
          controller.enqueue(encoder.encode(`${formatTrailerLine(head)}\n`));
          controller.close();
          return;
        }
        const limit = Math.min(EXPORT_PAGE, head.size - after);
        const chunk = unwrap(await stub.exportChunk(after, limit));
        // The stored lines as they are: the log keeps each event as its export line.
        controller.enqueue(encoder.encode(chunk.lines.map((l) => `${l}\n`).join("")));
        after += chunk.lines.length;
      },
    });
    return new Response(body, {
      headers: {
        "content-type": "application/x-ndjson; charset=utf-8",
        "content-disposition": `attachment; filename="audit-${access.tenantId}-${head.size}.jsonl"`,
      },
    }) as never;
  },
);
