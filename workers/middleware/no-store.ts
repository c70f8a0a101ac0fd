import { createMiddleware } from "hono/factory";

/**
 * Nothing the Worker answers may be kept by a browser or a proxy cache: authenticated JSON, the
 * sign-in answer that sets the cookie, and pages reached by a link carrying a token. A route
 * that means to be cached (public keys) sets its own Cache-Control.
 */
export const noStore = createMiddleware(async (c, next) => {
  await next();
  if (c.res.status === 101 || c.res.headers.has("cache-control")) return;
  c.res.headers.set("cache-control", "no-store");
});
