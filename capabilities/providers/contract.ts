import { z } from "@hono/zod-openapi";
import { CATALOG_KINDS } from "../../core/providers/catalog";
import { IsoTime } from "../../core/contract/common";
import { TenantParam } from "../runs/contract";
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
