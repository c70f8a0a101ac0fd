/**
 * API paths renamed in issue 12, still answered at their old address until they are removed
 * (README "Deprecated paths"). The request is rewritten before the app sees it, so every
 * middleware — Origin check, CORS, body limit, authentication, rate limits — and the route itself
 * only ever see the new path; the answer says where the route lives now.
 */
const RENAMED_PREFIXES: readonly { old: string; new: string }[] = [
  { old: "/api/me/sessions", new: "/api/me/login-sessions" },
  { old: "/api/tenants/{t}/sessions", new: "/api/tenants/{t}/agent-sessions" },
];

const RULES = RENAMED_PREFIXES.map((r) => {
  let n = 0; // the old and new prefix name the same parameters in the same order
  return {
    match: new RegExp(`^${r.old.replace(/\{\w+\}/g, "([^/]+)")}(?=/|$)`),
    replace: r.new.replace(/\{\w+\}/g, () => `$${++n}`),
  };
});

/** The path a deprecated one moved to, or null when `path` is not an old address. */
export function successorPath(path: string): string | null {
  for (const rule of RULES)
    if (rule.match.test(path)) return path.replace(rule.match, rule.replace);
  return null;
}

type Fetch<E> = (request: Request, env: E, ctx: ExecutionContext) => Response | Promise<Response>;

/** Wraps the Worker's fetch: an old path is served as its successor, marked deprecated. */
export function withRenamedPaths<E>(fetch: Fetch<E>): Fetch<E> {
  return async (request, env, ctx) => {
    const url = new URL(request.url);
    const successor = successorPath(url.pathname);
    if (successor === null) return fetch(request, env, ctx);
    url.pathname = successor;
    const res = await fetch(new Request(url, request), env, ctx);
    const headers = new Headers(res.headers);
    headers.set("Deprecation", "true");
    headers.set("Link", `<${successor}>; rel="successor-version"`);
    return new Response(res.body, {
      status: res.status,
      statusText: res.statusText,
      headers,
      webSocket: res.webSocket,
    });
  };
}
