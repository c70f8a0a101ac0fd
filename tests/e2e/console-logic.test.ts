// The console's browser-independent logic (API client, formatting), run in Node.
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  api,
  ApiError,
  errorFromResponse,
  messageOf,
  parseRetryAfter,
  setUnauthenticatedListener,
} from "../../web/src/api";
import { countdown, deviceLabel, methodLabel, relativeTime } from "../../web/src/format";

const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });

describe("parseRetryAfter", () => {
  it("reads delta-seconds and HTTP dates", () => {
    expect(parseRetryAfter("42")).toBe(42);
    expect(parseRetryAfter(" 7 ")).toBe(7);
    const now = Date.parse("2026-11-22T20:00:00Z");
    expect(parseRetryAfter("Sun, 22 Nov 2026 20:00:30 GMT", now)).toBe(30);
    expect(parseRetryAfter("Sun, 22 Nov 2026 19:00:00 GMT", now)).toBe(0);
  });

  it("gives null for a missing or unreadable value", () => {
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter("")).toBeNull();
    expect(parseRetryAfter("soon")).toBeNull();
  });
});

describe("errorFromResponse", () => {
  it("keeps the API's code, message, issues and Retry-After", async () => {
    const error = await errorFromResponse(
      jsonResponse(
        429,
        {
          error: {
            code: "rate_limited",
            message: "Too many requests. Try again in 42 seconds.",
            issues: [{ path: "email", message: "slow down" }, { bogus: true }, "x"],
          },
        },
        { "retry-after": "42" },
      ),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(429);
    expect(error.code).toBe("rate_limited");
    expect(error.message).toBe("Too many requests. Try again in 42 seconds.");
    expect(error.issues).toEqual([{ path: "email", message: "slow down" }]);
    expect(error.retryAfterSeconds).toBe(42);
    expect(error.issueFor("email")).toBe("slow down");
    expect(error.issueFor("code")).toBeUndefined();
  });

  it("falls back to a generic message for bodies that are not the API's", async () => {
    const server = await errorFromResponse(new Response("<h1>Bad gateway</h1>", { status: 502 }));
    expect(server.code).toBe("http_502");
    expect(server.message).toBe("Gatehouse had a problem. Try again in a moment.");
    const other = await errorFromResponse(jsonResponse(404, { error: "nope" }));
    expect(other.code).toBe("http_404");
    expect(other.message).toContain("404");
    expect(other.retryAfterSeconds).toBeNull();
  });
});

describe("api client", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setUnauthenticatedListener(() => {});
  });

  it("sends same-origin JSON and returns the parsed body", async () => {
    const fetchMock = vi.fn(async () => jsonResponse(202, { status: "code_sent" }));
    vi.stubGlobal("fetch", fetchMock);
    await expect(api.startOtp("ada@example.com")).resolves.toEqual({ status: "code_sent" });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/auth/otp/start");
    expect(init.method).toBe("POST");
    expect(init.credentials).toBe("same-origin");
    expect((init.headers as Record<string, string>)["content-type"]).toBe("application/json");
    expect(JSON.parse(String(init.body))).toEqual({ email: "ada@example.com" });
  });

  it("sends no body or content type on GET, and escapes ids in paths", async () => {
    const fetchMock = vi.fn(async () => jsonResponse(200, { ok: true }));
    vi.stubGlobal("fetch", fetchMock);
    await api.me();
    await api.revokeSession("a/b?c");
    const [getUrl, getInit] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(getUrl).toBe("/api/me");
    expect(getInit.body).toBeUndefined();
    expect(getInit.headers).toEqual({ accept: "application/json" });
    const [deleteUrl, deleteInit] = fetchMock.mock.calls[1] as unknown as [string, RequestInit];
    expect(deleteUrl).toBe("/api/me/login-sessions/a%2Fb%3Fc");
    expect(deleteInit.method).toBe("DELETE");
  });

  it("builds the login-history query with an optional cursor", async () => {
    const fetchMock = vi.fn(async () => jsonResponse(200, { events: [], next_cursor: null }));
    vi.stubGlobal("fetch", fetchMock);
    await api.loginEvents(null, 10);
    await api.loginEvents("1790000000000", 10);
    expect(fetchMock.mock.calls.map((c) => (c as unknown as [string])[0])).toEqual([
      "/api/me/login-events?limit=10",
      "/api/me/login-events?limit=10&cursor=1790000000000",
    ]);
  });

  it("throws typed errors and reports a lost session only for account calls", async () => {
    const unauthenticated = vi.fn();
    setUnauthenticatedListener(unauthenticated);
    const body = {
      error: { code: "unauthenticated", message: "Sign in to continue.", issues: [] },
    };
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => jsonResponse(401, body)),
    );
    await expect(api.passkeySignIn({} as never)).rejects.toMatchObject({
      status: 401,
      code: "unauthenticated",
    });
    expect(unauthenticated).not.toHaveBeenCalled();
    await expect(api.sessions()).rejects.toBeInstanceOf(ApiError);
    expect(unauthenticated).toHaveBeenCalledTimes(1);
  });

  it("turns a network failure into a readable ApiError", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw new TypeError("Failed to fetch");
      }),
    );
    const error = await api.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe("network_error");
    expect(messageOf(error)).toMatch(/Could not reach Gatehouse/);
  });
});

describe("messageOf", () => {
  it("prefers the error's own sentence and never returns an empty string", () => {
    expect(messageOf(new ApiError(400, "invalid_code", "That code is wrong."))).toBe(
      "That code is wrong.",
    );
    expect(messageOf(new Error("plain"))).toBe("plain");
    expect(messageOf("???")).toBe("Something went wrong. Try again.");
    expect(messageOf(new Error(""))).toBe("Something went wrong. Try again.");
  });
});

describe("formatting", () => {
  const now = Date.parse("2026-11-22T20:00:00Z");
  const ago = (ms: number) => new Date(now - ms).toISOString();

  it("describes how long ago something happened", () => {
    expect(relativeTime(ago(30_000), now)).toBe("just now");
    expect(relativeTime(ago(5 * 60_000), now)).toBe("5 min ago");
    expect(relativeTime(ago(3 * 3_600_000), now)).toBe("3 h ago");
    expect(relativeTime(ago(26 * 3_600_000), now)).toBe("yesterday");
    expect(relativeTime(ago(3 * 86_400_000), now)).toBe("3 days ago");
    expect(relativeTime(ago(30 * 86_400_000), now)).not.toMatch(/ago/);
    expect(relativeTime("not a date", now)).toBe("not a date");
  });

  it("labels devices with only the parts that are known", () => {
    expect(deviceLabel({ device: "Apple iPhone", browser: "Safari 18", os: "iOS 18.1" })).toBe(
      "Safari 18 on iOS 18.1 · Apple iPhone",
    );
    expect(deviceLabel({ device: "Computer", browser: "Unknown browser", os: "Linux" })).toBe(
      "Linux · Computer",
    );
    expect(
      deviceLabel({ device: "Unknown device", browser: "Unknown browser", os: "Unknown OS" }),
    ).toBe("Unknown device");
  });

  it("formats countdowns and methods", () => {
    expect(countdown(60)).toBe("1:00");
    expect(countdown(42)).toBe("0:42");
    expect(countdown(4.2)).toBe("0:05");
    expect(countdown(-3)).toBe("0:00");
    expect(methodLabel("passkey")).toBe("Passkey");
    expect(methodLabel("email_code")).toBe("Email code");
  });
});
