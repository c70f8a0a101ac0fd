import type { ProviderKind } from "./types";

/**
 * Model providers a tenant can configure. Known providers have their official API origin and
 * nothing else; `custom` is any OpenAI-compatible server (and `anthropic-compatible` any server
 * speaking the Messages API) at a base URL the tenant gives (public https, or a local model
 * server when the deployment allows it).
 */
export const PROVIDER_CATALOG = {
  anthropic: { wire: "anthropic", baseUrl: "https://api.anthropic.com", label: "Anthropic" },
  openai: { wire: "openai", baseUrl: "https://api.openai.com/v1", label: "OpenAI" },
  mistral: { wire: "openai", baseUrl: "https://api.mistral.ai/v1", label: "Mistral" },
  groq: { wire: "openai", baseUrl: "https://api.groq.com/openai/v1", label: "Groq" },
  openrouter: { wire: "openai", baseUrl: "https://openrouter.ai/api/v1", label: "OpenRouter" },
  together: { wire: "openai", baseUrl: "https://api.together.xyz/v1", label: "Together AI" },
  deepseek: { wire: "openai", baseUrl: "https://api.deepseek.com/v1", label: "DeepSeek" },
  xai: { wire: "openai", baseUrl: "https://api.x.ai/v1", label: "xAI" },
  custom: { wire: "openai", baseUrl: null, label: "OpenAI-compatible" },
  "anthropic-compatible": { wire: "anthropic", baseUrl: null, label: "Anthropic-compatible" },
} as const satisfies Record<string, { wire: ProviderKind; baseUrl: string | null; label: string }>;

export type CatalogKind = keyof typeof PROVIDER_CATALOG;
export const CATALOG_KINDS = Object.keys(PROVIDER_CATALOG) as [CatalogKind, ...CatalogKind[]];

/** A tenant's configured provider (the key is a vault secret, bound to `baseUrl`'s origin). */
export interface TenantProvider {
  id: string;
  kind: CatalogKind;
  baseUrl: string;
  models: string[];
  keySecret: string;
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Whether a URL names a model server on this machine (only ever allowed by deployment flag). */
export function isLocalModelServer(url: URL): boolean {
  return (url.protocol === "http:" || url.protocol === "https:") && LOCAL_HOSTS.has(url.hostname);
}
