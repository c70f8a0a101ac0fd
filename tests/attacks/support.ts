import { SELF } from "cloudflare:test";
import { expect } from "vitest";
import { CANARY_FORMS, canaryIn } from "../helpers/canary-watch";
import { call, ORIGIN } from "../helpers/client";
import { mockOutbound, type Recorded } from "../helpers/model-mock";
import { eventsOf, json, tenantWithVault } from "../helpers/sessions";

export const ATTACKER = "attacker.example";

/** What an attacker's server saw: every request that reached it, in full. */
export function attackerLog() {
  const seen: Recorded[] = [];
  const route = async (req: Request) => {
    seen.push({
      url: req.url,
      method: req.method,
      headers: Object.fromEntries(req.headers),
      body: req.body ? await req.text() : "",
    });
    return { body: "thanks", headers: { "content-type": "text/plain" } };
  };
  return { seen, route };
}

/** The network: model providers scripted, the attacker and the tenant's echo service answering. */
export function network(extra: Parameters<typeof mockOutbound>[0] = {}) {
  const attacker = attackerLog();
  const net = mockOutbound({
    [ATTACKER]: attacker.route,
    "echo.example.com": (req) => ({
      body: `you sent: ${req.headers.get("authorization")}`,
      headers: { "content-type": "text/plain" },
    }),
    ...extra,
  });
  return { net, attacker };
}

export type Tenant = Awaited<ReturnType<typeof tenantWithVault>>;

/** A session's event stream over the WebSocket, as the console opens it. */
export async function openStream(t: Tenant, sessionId: string) {
  const res = await SELF.fetch(`${ORIGIN}${t.base}/agent-sessions/${sessionId}/events`, {
    headers: { upgrade: "websocket", cookie: t.cookie, origin: ORIGIN },
  });
  expect(res.status).toBe(101);
  const ws = res.webSocket!;
  const frames: string[] = [];
  ws.addEventListener("message", (e) => frames.push(String(e.data)));
  ws.accept();
  return {
    frames,
    close: () => ws.close(1000, "done"),
    deltas: () =>
      frames
        .map((f) => JSON.parse(f) as { type: string; text?: string })
        .filter((e) => e.type === "model_delta")
        .map((e) => e.text ?? ""),
  };
}

/** Everything a member can read about a session and the tenant's log, as one text. */
export async function everythingReadable(t: Tenant, sessionId: string): Promise<string> {
  const parts = [
    await (await call(`${t.base}/agent-sessions/${sessionId}`, { cookie: t.cookie })).text(),
    await (await call(`${t.base}/agent-sessions`, { cookie: t.cookie })).text(),
    JSON.stringify(await eventsOf(t, sessionId)),
    await (await call(`${t.base}/audit/export`, { cookie: t.cookie })).text(),
    await (await call(`${t.base}/audit/events?limit=500`, { cookie: t.cookie })).text(),
    await (await call(`${t.base}/runs`, { cookie: t.cookie })).text(),
    await (await call(`${t.base}/approvals?status=all`, { cookie: t.cookie })).text(),
  ];
  return parts.join("\n");
}

/** No form of the canary (plain, base64, base64url, hex, URL-encoded) in any of `texts`. */
export function expectNoCanary(...texts: string[]): void {
  for (const text of texts) expect(canaryIn(text)).toEqual([]);
}

/** Nothing that reached the attacker carries the canary in any form, anywhere in the request. */
export function expectAttackerGotNothing(seen: Recorded[]): void {
  expectNoCanary(...seen.map((r) => JSON.stringify(r)));
}

export { CANARY_FORMS, json };
