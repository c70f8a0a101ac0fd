import { createRoute, z } from "@hono/zod-openapi";
import { describe, expect, expectTypeOf, it } from "vitest";
import { ApiError, apiClient, type Fetch } from "../../../core/contract/client";
import { errorResponses, json, jsonBody, Ok } from "../../../core/contract/common";
import { renamePasskey } from "../../../capabilities/passkeys/contract";

// Routes of the same shape as the contracts', so the test pins the client, not today's paths.
const Item = z.object({ id: z.string(), size: z.number().int() });
const renameItem = createRoute({
  method: "patch",
  path: "/api/tenants/{t}/items/{id}",
  request: {
    params: z.object({ t: z.string(), id: z.string() }),
    body: jsonBody(z.strictObject({ name: z.string(), tags: z.array(z.string()).default([]) })),
  },
  responses: { 200: json(z.object({ item: Item })), ...errorResponses },
});
const listItems = createRoute({
  method: "get",
  path: "/api/items",
  request: {
    query: z.object({ limit: z.coerce.number().optional(), cursor: z.string().optional() }),
  },
  responses: { 200: json(z.object({ items: z.array(Item), next_cursor: z.string().nullable() })) },
});
const startThing = createRoute({
  method: "post",
  path: "/api/things/start",
  responses: { 201: json(z.object({ code: z.string() })), 202: json(Ok), ...errorResponses },
});
const removeThing = createRoute({
  method: "delete",
  path: "/api/things/{id}",
  request: { params: z.object({ id: z.string() }) },
  responses: { 204: { description: "Gone" }, ...errorResponses },
});

interface Sent {
  url: string;
  method: string | undefined;
  headers: Record<string, string>;
  body: string | undefined;
  credentials: RequestCredentials | undefined;
}

function fakeFetch(answer: () => Response) {
  const sent: Sent[] = [];
  const fetch: Fetch = async (url, init) => {
    sent.push({
      url,
      method: init.method,
      headers: init.headers as Record<string, string>,
      body: init.body as string | undefined,
      credentials: init.credentials,
    });
    return answer();
  };
  return { fetch, sent };
}

const jsonAnswer =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json", ...headers },
    });

const NOW = Date.parse("2026-12-01T12:00:00Z");

describe("apiClient", () => {
  it("fills the path, escapes each parameter, sends the JSON body and answers the JSON", async () => {
    const { fetch, sent } = fakeFetch(jsonAnswer(200, { item: { id: "a/b", size: 3 } }));
    const api = apiClient({
      fetch,
      baseUrl: "https://gh.example",
      headers: { authorization: "Bearer gth_x" },
      now: () => NOW,
    });
    const answer = await api.call(renameItem, {
      params: { t: "acme co", id: "a/b" },
      body: { name: "Ünï", tags: ["x"] },
    });
    expect(answer).toEqual({ item: { id: "a/b", size: 3 } });
    expect(sent).toEqual([
      {
        url: "https://gh.example/api/tenants/acme%20co/items/a%2Fb",
        method: "PATCH",
        headers: {
          authorization: "Bearer gth_x",
          accept: "application/json",
          "content-type": "application/json",
        },
        body: '{"name":"Ünï","tags":["x"]}',
        credentials: undefined,
      },
    ]);
  });

  it("serialises the defined query members and sends no body or content-type without one", async () => {
    const { fetch, sent } = fakeFetch(jsonAnswer(200, { items: [], next_cursor: null }));
    const api = apiClient({
      fetch,
      baseUrl: "",
      init: { credentials: "same-origin" },
      now: () => NOW,
    });
    await api.call(listItems, { query: { limit: 20, cursor: undefined } });
    await api.call(listItems, { query: { cursor: "a&b=c" } });
    await api.call(listItems);
    expect(sent.map((s) => s.url)).toEqual([
      "/api/items?limit=20",
      "/api/items?cursor=a%26b%3Dc",
      "/api/items",
    ]);
    expect(sent[0]).toEqual({
      url: "/api/items?limit=20",
      method: "GET",
      headers: { accept: "application/json" },
      body: undefined,
      credentials: "same-origin",
    });
  });

  it("answers undefined for a 204", async () => {
    const { fetch, sent } = fakeFetch(() => new Response(null, { status: 204 }));
    const api = apiClient({ fetch, baseUrl: "", now: () => NOW });
    expect(await api.call(removeThing, { params: { id: "x" } })).toBeUndefined();
    expect(sent[0]!.method).toBe("DELETE");
    expect(sent[0]!.url).toBe("/api/things/x");
  });

  it("turns the standard error body into ApiError with its code, issues and Retry-After", async () => {
    const body = {
      error: {
        code: "rate_limited",
        message: "Slow down.",
        issues: [{ path: "email", message: "too many" }, { bogus: true }],
      },
    };
    const { fetch } = fakeFetch(jsonAnswer(429, body, { "retry-after": "42" }));
    const seen: ApiError[] = [];
    const api = apiClient({ fetch, baseUrl: "", now: () => NOW, onError: (e) => seen.push(e) });
    const error = await api.call(startThing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect([e.status, e.code, e.message, e.retryAfterSeconds]).toEqual([
      429,
      "rate_limited",
      "Slow down.",
      42,
    ]);
    expect(e.issues).toEqual([{ path: "email", message: "too many" }]);
    expect(e.issueFor("email")).toBe("too many");
    expect(seen).toEqual([e]);
  });

  it("reads a Retry-After date against the injected clock", async () => {
    const { fetch } = fakeFetch(
      jsonAnswer(
        429,
        { error: { code: "x", message: "y", issues: [] } },
        {
          "retry-after": "Tue, 01 Dec 2026 12:01:30 GMT",
        },
      ),
    );
    const api = apiClient({ fetch, baseUrl: "", now: () => NOW });
    const e = (await api.call(startThing).catch((x: unknown) => x)) as ApiError;
    expect(e.retryAfterSeconds).toBe(90);
  });

  it("gives a body that is not the API's error a generic code and message", async () => {
    const { fetch } = fakeFetch(() => new Response("<html>bad gateway</html>", { status: 502 }));
    const api = apiClient({ fetch, baseUrl: "", now: () => NOW });
    const e = (await api.call(startThing).catch((x: unknown) => x)) as ApiError;
    expect([e.status, e.code, e.message]).toEqual([
      502,
      "http_502",
      "Gatehouse had a problem. Try again in a moment.",
    ]);
    const { fetch: f404 } = fakeFetch(() => new Response("", { status: 404 }));
    const e404 = (await apiClient({ fetch: f404, baseUrl: "", now: () => NOW })
      .call(startThing)
      .catch((x: unknown) => x)) as ApiError;
    expect([e404.code, e404.message]).toEqual(["http_404", "The request failed (HTTP 404)."]);
  });

  it("turns a fetch that throws into a network_error carrying the cause", async () => {
    const cause = new TypeError("connect ECONNREFUSED");
    const api = apiClient({
      fetch: () => Promise.reject(cause),
      baseUrl: "http://127.0.0.1:1",
      now: () => NOW,
    });
    const e = (await api.call(startThing).catch((x: unknown) => x)) as ApiError;
    expect([e.status, e.code, e.cause]).toEqual([0, "network_error", cause]);
  });

  it("refuses a 2xx answer that is not JSON", async () => {
    const { fetch } = fakeFetch(() => new Response("ok", { status: 200 }));
    const api = apiClient({ fetch, baseUrl: "", now: () => NOW });
    const e = (await api.call(startThing).catch((x: unknown) => x)) as ApiError;
    expect([e.status, e.code]).toEqual([200, "invalid_response"]);
  });

  it("send answers the raw response with the accept asked for; url builds the address", async () => {
    const { fetch, sent } = fakeFetch(() => new Response("line1\nline2", { status: 200 }));
    const api = apiClient({ fetch, baseUrl: "https://gh.example", now: () => NOW });
    const res = await api.send(removeThing, { params: { id: "x y" } }, { accept: "*/*" });
    expect(await res.text()).toBe("line1\nline2");
    expect(sent[0]!.headers).toEqual({ accept: "*/*" });
    expect(api.url(listItems, { query: { limit: 5 } })).toBe(
      "https://gh.example/api/items?limit=5",
    );
    expect(() => api.url(removeThing)).toThrow("missing path parameter id");
  });

  it("types the input and the answer from the route's schemas", () => {
    const api = apiClient({
      fetch: () => Promise.reject(new Error("unused")),
      baseUrl: "",
      now: () => 0,
    });
    type Call<R extends Parameters<typeof api.call>[0]> = ReturnType<typeof api.call<R>>;
    expectTypeOf<Call<typeof renameItem>>().resolves.toEqualTypeOf<{
      item: { id: string; size: number };
    }>();
    expectTypeOf<Call<typeof startThing>>().resolves.toEqualTypeOf<
      { code: string } | { ok: true }
    >();
    expectTypeOf<Call<typeof removeThing>>().resolves.toEqualTypeOf<undefined>();
    expectTypeOf<Call<typeof renamePasskey>>().resolves.toEqualTypeOf<{
      passkey: {
        id: string;
        name: string;
        created_at: string;
        last_used_at: string | null;
        device_type: "singleDevice" | "multiDevice";
        backed_up: boolean;
        transports: string[];
        aaguid: string;
      };
    }>();

    // The request side is z.input: a defaulted field may be left out.
    const ok = () => api.call(renameItem, { params: { t: "a", id: "b" }, body: { name: "n" } });
    expectTypeOf(ok).toBeFunction();
    const wrong = () => [
      // @ts-expect-error the body is required
      api.call(renameItem, { params: { t: "a", id: "b" } }),
      // @ts-expect-error a path parameter is missing
      api.call(renameItem, { params: { t: "a" }, body: { name: "n" } }),
      // @ts-expect-error the body's field has the wrong type
      api.call(renameItem, { params: { t: "a", id: "b" }, body: { name: 1 } }),
      // @ts-expect-error a route without a body takes none
      api.call(startThing, { body: {} }),
      // @ts-expect-error the passkey's new name is a string
      api.call(renamePasskey, { params: { id: "p" }, body: { name: false } }),
      // @ts-expect-error the route has params, so the input is required
      api.call(removeThing),
    ];
    expectTypeOf(wrong).toBeFunction();
  });
});
