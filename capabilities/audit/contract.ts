import { IsoTime, Json, errorResponses, json, jsonBody } from "../../core/contract/common";
import { TenantParam } from "../tenancy/contract";
import { SecretName } from "../vault/contract";
import { z, createRoute } from "@hono/zod-openapi";

export const AuditEvent = z
  .object({
    seq: z.number().int(),
    ts: IsoTime,
    type: z.string(),
    run_id: z.string().nullable(),
    step_id: z.string().nullable(),
    actor: z.object({ kind: z.string(), id: z.string() }),
    data: Json,
    prev: z.string(),
    hash: z.string(),
  })
  .openapi("AuditEvent");

export const SignedHead = z
  .object({ size: z.number().int(), root: z.string(), ts: IsoTime, jws: z.string() })
  .openapi("SignedHead");

export const Proof = z
  .object({ proof: z.array(z.string()) })
  .passthrough()
  .openapi("Proof");

export const Url = z.string().min(1).max(2048);

export const SinkConfig = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("webhook"), url: Url, secret: SecretName }).strict(),
  z
    .object({
      kind: z.literal("splunk_hec"),
      url: Url,
      token_secret: SecretName,
      index: z.string().min(1).max(80).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal("syslog"),
      host: z.string().min(1).max(253),
      port: z.number().int().min(1).max(65535),
      tls: z.boolean(),
    })
    .strict(),
]);

export const SinkBody = z.object({
  sink: SinkConfig,
  /** Deliver events after this seq (0: the whole log). */
  from_seq: z.number().int().min(0).default(0),
});

export const Sink = z
  .object({
    id: z.string(),
    kind: z.enum(["webhook", "splunk_hec", "syslog"]),
    config: SinkConfig,
    last_seq: z.number().int(),
    lag: z.number().int(),
    failures: z.number().int(),
    last_error: z.string().nullable(),
    last_delivered_at: z.number().int().nullable(),
    next_attempt_at: z.number().int(),
  })
  .openapi("AuditSink");
export const listAuditSinks = createRoute({
  method: "get",
  path: "/api/tenants/{t}/audit/sinks",
  tags: ["audit"],
  summary: "SIEM sinks and their delivery state (last delivered seq, lag, last error)",
  request: { params: TenantParam },
  responses: { 200: json(z.object({ sinks: z.array(Sink) })), ...errorResponses },
});

export const createAuditSink = createRoute({
  method: "post",
  path: "/api/tenants/{t}/audit/sinks",
  tags: ["audit"],
  summary: "Stream the audit log to a webhook, Splunk HEC or syslog (TCP/TLS)",
  request: { params: TenantParam, body: jsonBody(SinkBody) },
  responses: { 201: json(Sink), ...errorResponses },
});

export const deleteAuditSink = createRoute({
  method: "delete",
  path: "/api/tenants/{t}/audit/sinks/{id}",
  tags: ["audit"],
  summary: "Stop streaming to a sink",
  request: { params: TenantParam.extend({ id: z.string().min(1).max(64) }) },
  responses: { 200: json(z.object({ ok: z.literal(true) })), ...errorResponses },
});

export const testAuditSink = createRoute({
  method: "post",
  path: "/api/tenants/{t}/audit/sinks/{id}/test",
  tags: ["audit"],
  summary:
    "Deliver a sink's backlog now, or resend its last delivered event (same seq), and report",
  request: { params: TenantParam.extend({ id: z.string().min(1).max(64) }) },
  responses: {
    200: json(z.object({ delivered: z.boolean(), sink: Sink })),
    ...errorResponses,
  },
});

export const noteResponse = {
  description: "A C2SP signed note",
  content: { "text/plain": { schema: z.string() } },
};

export const LogKey = z
  .object({ vkey: z.string(), from_size: z.number().int(), to_size: z.number().int().nullable() })
  .openapi("LogKey");

export const LogKeys = z.object({ origin: z.string(), keys: z.array(LogKey) }).openapi("LogKeys");

export const Witness = z
  .object({
    id: z.string(),
    url: z.string(),
    vkey: z.string(),
    last_size: z.number().int(),
    last_ok_at: z.number().int().nullable(),
    last_error: z.string().nullable(),
  })
  .openapi("Witness");

export const Transparency = z
  .object({
    origin: z.string(),
    public: z.boolean(),
    witnesses: z.array(Witness),
    keys: z.array(LogKey),
  })
  .openapi("Transparency");

export const WitnessBody = z
  .object({
    url: z.string().min(1).max(2048),
    vkey: z.string().min(1).max(512),
  })
  .strict();
export const getAuditSignedHead = createRoute({
  method: "get",
  path: "/api/tenants/{t}/audit/checkpoint",
  tags: ["audit"],
  summary: "The current signed head as a C2SP checkpoint note (with witness cosignatures)",
  request: { params: TenantParam },
  responses: { 200: noteResponse, ...errorResponses },
});

export const getAuditTlogProof = createRoute({
  method: "get",
  path: "/api/tenants/{t}/audit/proofs/{seq}/tlog-proof",
  tags: ["audit"],
  summary: "A `.tlog-proof` (c2sp.org/tlog-proof) of event `seq`, verifiable offline",
  request: {
    params: TenantParam.extend({ seq: z.coerce.number().int().min(1) }),
  },
  responses: { 200: noteResponse, ...errorResponses },
});

export const listAuditLogKeys = createRoute({
  method: "get",
  path: "/api/tenants/{t}/audit/log-keys",
  tags: ["audit"],
  summary: "Every key this tenant's log has used, with the tree sizes each may sign",
  request: { params: TenantParam },
  responses: { 200: json(LogKeys), ...errorResponses },
});

export const getAuditTransparency = createRoute({
  method: "get",
  path: "/api/tenants/{t}/audit/transparency",
  tags: ["audit"],
  summary: "Transparency settings: origin, public data on/off, witnesses and their state, keys",
  request: { params: TenantParam },
  responses: { 200: json(Transparency), ...errorResponses },
});

export const setAuditTransparencyPublic = createRoute({
  method: "put",
  path: "/api/tenants/{t}/audit/transparency/public",
  tags: ["audit"],
  summary: "Publish (or stop publishing) signed heads, keys and proofs without authentication",
  request: {
    params: TenantParam,
    body: jsonBody(z.object({ enabled: z.boolean() }).strict()),
  },
  responses: { 200: json(Transparency), ...errorResponses },
});

export const addAuditWitness = createRoute({
  method: "post",
  path: "/api/tenants/{t}/audit/witnesses",
  tags: ["audit"],
  summary: "Add a C2SP tlog-witness (submission URL prefix and its Ed25519 cosigner vkey)",
  request: { params: TenantParam, body: jsonBody(WitnessBody) },
  responses: { 201: json(Witness), ...errorResponses },
});

export const deleteAuditWitness = createRoute({
  method: "delete",
  path: "/api/tenants/{t}/audit/witnesses/{id}",
  tags: ["audit"],
  summary: "Remove a witness",
  request: { params: TenantParam.extend({ id: z.string().min(1).max(64) }) },
  responses: { 200: json(z.object({ ok: z.literal(true) })), ...errorResponses },
});

export const rotateAuditLogKey = createRoute({
  method: "post",
  path: "/api/tenants/{t}/audit/log-keys/rotate",
  tags: ["audit"],
  summary: "Rotate this tenant's log key (step-up); the old key keeps its window",
  request: { params: TenantParam },
  responses: {
    200: json(z.object({ generation: z.number().int(), vkey: z.string(), keys: z.array(LogKey) })),
    ...errorResponses,
  },
});

export const listAuditEvents = createRoute({
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
});

export const getAuditHead = createRoute({
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
});

export const signAuditHead = createRoute({
  method: "post",
  path: "/api/tenants/{t}/audit/checkpoints",
  tags: ["audit"],
  summary:
    "Deprecated (one release): sign a JWS head; use GET …/audit/checkpoint (C2SP signed note)",
  deprecated: true,
  request: { params: TenantParam },
  responses: { 200: json(SignedHead), ...errorResponses },
});

export const getAuditInclusionProof = createRoute({
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
});

export const getAuditConsistencyProof = createRoute({
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
});

export const exportAudit = createRoute({
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
});

export const Jwks = z
  .object({
    keys: z.array(
      z.object({
        kty: z.literal("OKP"),
        crv: z.literal("Ed25519"),
        x: z.string(),
        kid: z.string(),
        alg: z.literal("EdDSA"),
        use: z.literal("sig"),
      }),
    ),
  })
  .openapi("Jwks");

export const getJwks = createRoute({
  method: "get",
  path: "/.well-known/jwks.json",
  tags: ["audit"],
  summary: "The public keys of the audit log's signed heads: the current one, then retired ones",
  responses: { 200: json(Jwks) },
});
