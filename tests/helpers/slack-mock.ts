import { vi } from "vitest";

export interface SlackRequest {
  url: string;
  headers: Headers;
  body: string;
  payload: { text?: string; blocks?: Record<string, unknown>[] };
}

type Text = { type?: unknown; text?: unknown };
const textOk = (t: Text | undefined, max: number, types = ["mrkdwn", "plain_text"]) =>
  !!t &&
  types.includes(t.type as string) &&
  typeof t.text === "string" &&
  t.text.length > 0 &&
  t.text.length <= max;

/**
 * Why Slack would refuse a Block Kit payload (its documented limits), or null. Slack answers
 * `invalid_blocks` / `no_text` / `invalid_payload` as 400 with a plain-text body.
 */
function refusal(payload: unknown): string | null {
  if (!payload || typeof payload !== "object" || Array.isArray(payload)) return "invalid_payload";
  const { text, blocks } = payload as { text?: unknown; blocks?: unknown };
  if (blocks === undefined) return typeof text === "string" && text ? null : "no_text";
  if (text !== undefined && (typeof text !== "string" || text.length > 40_000))
    return "invalid_payload";
  if (!Array.isArray(blocks) || blocks.length === 0 || blocks.length > 50) return "invalid_blocks";
  for (const b of blocks as Record<string, unknown>[]) {
    if (b.type === "section") {
      if (!textOk(b.text as Text, 3000)) return "invalid_blocks";
      const fields = (b.fields ?? []) as Text[];
      if (!Array.isArray(fields) || fields.length > 10 || !fields.every((f) => textOk(f, 2000)))
        return "invalid_blocks";
    } else if (b.type === "context") {
      const els = b.elements as Text[];
      if (!Array.isArray(els) || els.length === 0 || els.length > 10) return "invalid_blocks";
      if (!els.every((e) => textOk(e, 3000))) return "invalid_blocks";
    } else if (b.type === "actions") {
      const els = b.elements as Record<string, unknown>[];
      if (!Array.isArray(els) || els.length === 0 || els.length > 25) return "invalid_blocks";
      for (const e of els) {
        if (e.type !== "button" || !textOk(e.text as Text, 75, ["plain_text"]))
          return "invalid_blocks";
        if (typeof e.url !== "string" || e.url.length > 3000 || !/^https?:\/\//.test(e.url))
          return "invalid_blocks";
        if (typeof e.action_id !== "string" || e.action_id.length > 255) return "invalid_blocks";
      }
    } else return "invalid_blocks";
  }
  return null;
}

/**
 * A Slack incoming webhook at the HTTP boundary: accepts `POST` `application/json` with Slack's
 * message shape and answers `200 ok` (text/html) as Slack does, `400 <reason>` otherwise; it can
 * be down (connection refused, or Slack's 500/503) and come back. Requests for other hosts go
 * on to the real fetch.
 */
export function mockSlack(base: string) {
  const accepted: SlackRequest[] = [];
  const rejected: { status: number; reason: string }[] = [];
  let mode: "up" | "refuse" | "503" = "up";
  let refused = 0;
  const realFetch = globalThis.fetch;
  const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input as RequestInfo, init);
    if (!request.url.startsWith(base)) return realFetch(input as RequestInfo, init);
    if (mode === "refuse") {
      refused++;
      throw new TypeError("Network connection lost.");
    }
    if (mode === "503") {
      refused++;
      return new Response("service_unavailable", { status: 503 });
    }
    const answer = (status: number, reason: string) => {
      if (status !== 200) rejected.push({ status, reason });
      return new Response(reason, { status, headers: { "content-type": "text/html" } });
    };
    if (request.method !== "POST") return answer(405, "invalid_method");
    if (!(request.headers.get("content-type") ?? "").startsWith("application/json"))
      return answer(400, "invalid_payload");
    const body = await request.text();
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      return answer(400, "invalid_payload");
    }
    const why = refusal(payload);
    if (why) return answer(400, why);
    accepted.push({
      url: request.url,
      headers: request.headers,
      body,
      payload: payload as SlackRequest["payload"],
    });
    return answer(200, "ok");
  });
  return {
    accepted,
    rejected,
    refused: () => refused,
    down: (how: "refuse" | "503" = "refuse") => (mode = how),
    up: () => (mode = "up"),
    restore: () => spy.mockRestore(),
  };
}
