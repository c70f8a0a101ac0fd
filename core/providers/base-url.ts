import { providerError } from "./errors";
import type { ProviderError } from "./types";

/**
 * Joins a configured base URL and an API path. The base must be an absolute http(s) URL without
 * query, fragment or credentials; trailing slashes are ignored.
 */
export function endpointUrl(
  baseUrl: string,
  path: string,
): { ok: true; url: string } | { ok: false; error: ProviderError } {
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    return { ok: false, error: invalid("it is not an absolute URL") };
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    return { ok: false, error: invalid("only http and https are supported") };
  }
  if (parsed.username !== "" || parsed.password !== "") {
    return { ok: false, error: invalid("it must not contain credentials") };
  }
  if (parsed.search !== "" || parsed.hash !== "") {
    return { ok: false, error: invalid("it must not contain a query or fragment") };
  }
  return { ok: true, url: `${parsed.origin}${parsed.pathname.replace(/\/+$/, "")}${path}` };
}

function invalid(why: string): ProviderError {
  return providerError("bad_request", `The provider base URL is invalid: ${why}.`);
}
