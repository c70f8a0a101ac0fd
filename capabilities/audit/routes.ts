import { OpenAPIHono } from "@hono/zod-openapi";
import { formatTrailerLine } from "../../core/audit";
import type { AppEnv } from "../login-sessions/app-env";
import { validationHook } from "../../platform/http/validation";
import { unwrap } from "../../platform/tenant-stub";
import type { AuditRpc } from "./tenant-do/rpc";

import { authorize } from "../tenancy/access";
import {
  listAuditEvents,
  getAuditHead,
  signAuditHead,
  getAuditInclusionProof,
  getAuditConsistencyProof,
  exportAudit,
} from "./contract";

export const auditRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const EXPORT_PAGE = 1000;

auditRoutes.openapi(listAuditEvents, async (c) => {
  const access = authorize(c, "audit.read");
  const q = c.req.valid("query");
  const page = unwrap(
    await access.stub<AuditRpc>().auditEvents(q.after, q.limit, {
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
});

auditRoutes.openapi(getAuditHead, async (c) => {
  const access = authorize(c, "audit.read");
  return c.json(unwrap(await access.stub<AuditRpc>().auditHead()), 200);
});

auditRoutes.openapi(signAuditHead, async (c) => {
  const access = authorize(c, "audit.read");
  return c.json(unwrap(await access.stub<AuditRpc>().signHead()), 200);
});

auditRoutes.openapi(getAuditInclusionProof, async (c) => {
  const access = authorize(c, "audit.read");
  const { seq, size } = c.req.valid("query");
  return c.json(unwrap(await access.stub<AuditRpc>().inclusionProof(seq, size)), 200);
});

auditRoutes.openapi(getAuditConsistencyProof, async (c) => {
  const access = authorize(c, "audit.read");
  const { from, to } = c.req.valid("query");
  return c.json(unwrap(await access.stub<AuditRpc>().consistencyProof(from, to)), 200);
});

auditRoutes.openapi(exportAudit, async (c) => {
  const access = authorize(c, "audit.export");
  const stub = access.stub<AuditRpc>();
  const head = unwrap(await stub.signHead());
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
});
