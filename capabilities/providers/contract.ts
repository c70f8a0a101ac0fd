import { z, createRoute } from "@hono/zod-openapi";
import { CATALOG_KINDS } from "../../core/providers/catalog";
import { IsoTime, errorResponses, json, jsonBody } from "../../core/contract/common";
import { TenantParam } from "../tenancy/contract";
import { SecretName } from "../vault/contract";

export const ProviderId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,63}$/, "lower case letters, digits and -, e.g. anthropic-main")
  .openapi({ example: "anthropic-main" });

export const ProviderParams = TenantParam.extend({ id: ProviderId });

export const PutProviderBody = z
  .strictObject({
    kind: z.enum(CATALOG_KINDS),
    /** Only for `custom` (OpenAI-compatible); known providers always use their official URL. */
    base_url: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .optional(),
    models: z.array(z.string().trim().min(1).max(200)).min(1).max(50),
    key_secret: SecretName,
  })
  .openapi("PutProviderBody");

export const Provider = z
  .object({
    id: z.string(),
    kind: z.string(),
    base_url: z.string(),
    models: z.array(z.string()),
    key_secret: z.string(),
    updated_by: z.string(),
    created_at: IsoTime,
    updated_at: IsoTime,
  })
  .openapi("Provider");
export type ProviderView = z.output<typeof Provider>;

export const listProviders = createRoute({
  method: "get",
  path: "/api/tenants/{t}/providers",
  tags: ["agent-sessions"],
  summary: "The tenant's model providers",
  request: { params: TenantParam },
  responses: { 200: json(z.object({ providers: z.array(Provider) })), ...errorResponses },
});

export const putProvider = createRoute({
  method: "put",
  path: "/api/tenants/{t}/providers/{id}",
  tags: ["agent-sessions"],
  summary: "Configure a model provider and bind its key to it (admin and owner, step-up)",
  request: { params: ProviderParams, body: jsonBody(PutProviderBody) },
  responses: {
    200: json(z.object({ provider: Provider }), "Updated"),
    201: json(z.object({ provider: Provider }), "Created"),
    ...errorResponses,
  },
});

export const deleteProvider = createRoute({
  method: "delete",
  path: "/api/tenants/{t}/providers/{id}",
  tags: ["agent-sessions"],
  summary: "Remove a provider and unbind its key (admin and owner, step-up)",
  request: { params: ProviderParams },
  responses: { 200: json(z.object({ provider: Provider })), ...errorResponses },
});
