// Egress by name: public "wildcard DNS" and rebinding names that resolve to private or loopback
// addresses, tried through http_fetch by a model as an attacker would.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { anthropicStream } from "../helpers/model-mock";
import { eventsOf, say, settle, startSession, tenantWithVault } from "../helpers/sessions";
import { network, type Tenant } from "./support";

let t: Tenant;
let env: ReturnType<typeof network>;
beforeEach(async () => {
  env = network();
  t = await tenantWithVault();
});
afterEach(() => env.net.restore());

const NAMES = [
  "127-0-0-1-app.sslip.io",
  "10.0.0.1.nip.io",
  "www.169.254.169.254.x.traefik.me",
  "7f000001.c0a80001.rbndr.us",
  "make-127-0-0-1-rr.1u.ms",
  "app.localho.st",
  "readme.localtest.me",
  "api.localhost",
  "localhost6.localdomain6",
  "internal-10-1-2-3.corp-mirror.example.com",
];

describe("http_fetch refuses names that lead inside", () => {
  it.each(NAMES)("refuses %s before any request leaves", async (host) => {
    const session = await startSession(t);
    env.net.reply(
      anthropicStream([
        { tool: { id: "toolu_h", name: "http_fetch", input: { url: `https://${host}/` } } },
      ]),
    );
    env.net.reply(anthropicStream([{ text: "ok" }]));
    await say(t, session.id, "fetch");
    await settle(t, session.id);
    const result = (await eventsOf(t, session.id)).find((e) => e.type === "tool_result");
    expect(result).toMatchObject({ is_error: true });
    expect(String(result!.summary)).toMatch(/^(refused: |Denied by policy \(platform)/);
    expect(env.net.recorded.filter((r) => new URL(r.url).hostname === host)).toEqual([]);
  });
});
