import { afterEach, describe, expect, it } from "vitest";
import { call, eventually, expectError } from "../../../tests/helpers/client";
import { bearer, memberOf, ownerWithTenant } from "../../../tests/helpers/tenant";
import { mockSiem } from "../../../tests/helpers/siem-mock";

const HOOK = "https://siem.mock.test";
const HMAC_KEY = "whsec_0123456789abcdef0123456789abcdef";
const HEC_TOKEN = "4f0b2c1e-hec-token-0123456789abcdef";

async function tenantWithRun() {
  const owner = await ownerWithTenant();
  const base = `/api/tenants/${owner.tenantId}`;
  const opened = (await (
    await call(`${base}/runs`, { body: { agent: "bot" }, cookie: owner.cookie })
  ).json()) as { run: { id: string }; run_token: string };
  const step = (i: number) =>
    call(`${base}/runs/${opened.run.id}/steps`, {
      origin: null,
      headers: bearer(opened.run_token),
      body: { tool: "lookup", args: { i }, idempotency_key: `k${i}` },
    });
  const size = async () =>
    (
      (await (await call(`${base}/audit/head`, { cookie: owner.cookie })).json()) as {
        size: number;
      }
    ).size;
  return { owner, base, step, size };
}

async function hmacHex(key: string, text: string) {
  const k = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(key),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", k, new TextEncoder().encode(text)));
  return Array.from(mac, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Polls (for up to ~20 s) until the receiver has every seq up to `size`. */
async function delivered(seqsOf: () => number[], size: () => Promise<number>) {
  return eventually(async () => {
    const want = await size();
    const got = new Set(seqsOf());
    for (let s = 1; s <= want; s++) if (!got.has(s)) return null;
    return want;
  }, 400).catch(async () => {
    throw new Error(`not delivered: have ${JSON.stringify(seqsOf())}, want 1..${await size()}`);
  });
}

let siem: ReturnType<typeof mockSiem> | null = null;
afterEach(() => {
  siem?.restore();
  siem = null;
});

describe("SIEM sinks", () => {
  it("webhook: NDJSON batches, HMAC over timestamp.body, in order, catching up after an outage", async () => {
    const { owner, base, step, size } = await tenantWithRun();
    siem = mockSiem(HOOK);
    await call(`${base}/secrets/SIEM_HMAC`, {
      method: "PUT",
      cookie: owner.cookie,
      // Bound to the receiver: the only place this key may be used for.
      body: {
        value: HMAC_KEY,
        destinations: [{ origin: HOOK, via: { kind: "header", name: "x-gatehouse-signature" } }],
      },
    });
    const created = await call(`${base}/audit/sinks`, {
      cookie: owner.cookie,
      body: { sink: { kind: "webhook", url: `${HOOK}/ingest`, secret: "SIEM_HMAC" } },
    });
    expect(created.status).toBe(201);
    const sink = (await created.json()) as Record<string, unknown>;
    expect(JSON.stringify(sink)).not.toContain(HMAC_KEY);
    const lines = () =>
      siem!.requests.flatMap((r) =>
        r.body
          .trimEnd()
          .split("\n")
          .map((l) => JSON.parse(l) as { seq: number; hash: string }),
      );
    await delivered(() => lines().map((e) => e.seq), size);

    // Outage: events keep being written; nothing is lost and order is kept when it comes back.
    siem.down("refuse");
    for (let i = 0; i < 5; i++) expect((await step(i)).status).toBeLessThan(300);
    await eventually(async () => (siem!.refused() >= 2 ? true : null), 400);
    const during = (await (await call(`${base}/audit/sinks`, { cookie: owner.cookie })).json()) as {
      sinks: { lag: number; last_error: string | null; failures: number }[];
    };
    expect(during.sinks[0]!.lag).toBeGreaterThan(0);
    expect(during.sinks[0]!.last_error).toMatch(/unreachable/);
    siem.up();
    await delivered(() => lines().map((e) => e.seq), size);
    const seqs = lines().map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b)); // never reordered
    const bySeq = new Map<number, string>();
    for (const e of lines()) {
      if (bySeq.has(e.seq)) expect(bySeq.get(e.seq)).toBe(e.hash); // duplicates only as the same event
      bySeq.set(e.seq, e.hash);
    }
    const after = (await (await call(`${base}/audit/sinks`, { cookie: owner.cookie })).json()) as {
      sinks: { lag: number; last_error: string | null; last_seq: number }[];
    };
    expect(after.sinks[0]!.last_error).toBeNull();

    for (const r of siem.requests) {
      expect(r.headers.get("content-type")).toBe("application/x-ndjson");
      const sig = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(r.headers.get("x-gatehouse-signature")!);
      expect(sig).not.toBeNull();
      expect(sig![2]).toBe(await hmacHex(HMAC_KEY, `${sig![1]}.${r.body}`));
      expect(r.body).not.toContain(HMAC_KEY);
    }
  });

  it("Splunk HEC: the collector's event envelope and Authorization: Splunk <token>", async () => {
    const { owner, base, step, size } = await tenantWithRun();
    siem = mockSiem(HOOK);
    await call(`${base}/secrets/HEC_TOKEN`, {
      method: "PUT",
      cookie: owner.cookie,
      // Bound to the receiver: the only place this key may be used for.
      body: {
        value: HEC_TOKEN,
        destinations: [{ origin: HOOK, via: { kind: "header", name: "authorization" } }],
      },
    });
    siem.down("503");
    const created = await call(`${base}/audit/sinks`, {
      cookie: owner.cookie,
      body: {
        sink: { kind: "splunk_hec", url: HOOK, token_secret: "HEC_TOKEN", index: "security" },
      },
    });
    expect(created.status).toBe(201);
    await step(1);
    await eventually(async () => (siem!.refused() >= 1 ? true : null), 400);
    siem.up();
    const events = () =>
      siem!.requests.flatMap((r) =>
        r.body.split("\n").map(
          (l) =>
            JSON.parse(l) as {
              time: number;
              host: string;
              source: string;
              sourcetype: string;
              index: string;
              event: { seq: number; ts: string };
            },
        ),
      );
    await delivered(() => events().map((e) => e.event.seq), size);
    const r = siem.requests[0]!;
    expect(new URL(r.url).pathname).toBe("/services/collector/event");
    expect(r.headers.get("authorization")).toBe(`Splunk ${HEC_TOKEN}`);
    const first = events()[0]!;
    expect(first).toMatchObject({
      host: "localhost",
      source: "gatehouse",
      sourcetype: "gatehouse:audit",
      index: "security",
    });
    expect(first.time).toBe(Date.parse(first.event.ts) / 1000);
  });

  it("Splunk HEC: down for a while after delivering, then back — nothing lost, none reordered", async () => {
    const { owner, base, step, size } = await tenantWithRun();
    siem = mockSiem(HOOK);
    await call(`${base}/secrets/HEC_TOKEN`, {
      method: "PUT",
      cookie: owner.cookie,
      body: {
        value: HEC_TOKEN,
        destinations: [{ origin: HOOK, via: { kind: "header", name: "authorization" } }],
      },
    });
    const created = await call(`${base}/audit/sinks`, {
      cookie: owner.cookie,
      body: { sink: { kind: "splunk_hec", url: HOOK, token_secret: "HEC_TOKEN" } },
    });
    expect(created.status).toBe(201);
    type Envelope = {
      time: number;
      source: string;
      sourcetype: string;
      event: { seq: number; hash: string };
    };
    const envelopes = () =>
      siem!.requests.flatMap((r) => r.body.split("\n").map((l) => JSON.parse(l) as Envelope));
    await delivered(() => envelopes().map((e) => e.event.seq), size);
    const beforeOutage = siem.requests.length;

    siem.down("refuse");
    for (let i = 0; i < 6; i++) expect((await step(100 + i)).status).toBeLessThan(300);
    await eventually(async () => (siem!.refused() >= 2 ? true : null), 400);
    expect(siem.requests.length).toBe(beforeOutage); // nothing got through while down
    siem.down("503"); // up again but busy, as HEC answers under load
    await eventually(async () => (siem!.refused() >= 3 ? true : null), 600);
    siem.up();
    await delivered(() => envelopes().map((e) => e.event.seq), size);

    const seqs = envelopes().map((e) => e.event.seq);
    const firstSeen: number[] = [];
    const hashOf = new Map<number, string>();
    for (const e of envelopes()) {
      expect(e).toMatchObject({ source: "gatehouse", sourcetype: "gatehouse:audit" });
      const known = hashOf.get(e.event.seq);
      if (known === undefined) {
        hashOf.set(e.event.seq, e.event.hash);
        firstSeen.push(e.event.seq);
      } else expect(e.event.hash).toBe(known);
    }
    const want = await size();
    expect(firstSeen).toEqual(Array.from({ length: want }, (_, i) => i + 1));
    expect(Math.max(...seqs)).toBe(want);
    for (const r of siem.requests)
      expect(r.headers.get("authorization")).toBe(`Splunk ${HEC_TOKEN}`);
  }, 30_000);

  it("refuses private destinations and bad secret names; operators cannot configure", async () => {
    const { owner, base } = await tenantWithRun();
    await expectError(
      await call(`${base}/audit/sinks`, {
        cookie: owner.cookie,
        body: { sink: { kind: "webhook", url: "https://10.0.0.1/x", secret: "K" } },
      }),
      400,
      "invalid_request",
    );
    await expectError(
      await call(`${base}/audit/sinks`, {
        cookie: owner.cookie,
        body: { sink: { kind: "syslog", host: "127.0.0.1", port: 6514, tls: true } },
      }),
      400,
      "invalid_request",
    );
    await expectError(
      await call(`${base}/audit/sinks`, {
        cookie: owner.cookie,
        body: { sink: { kind: "webhook", url: HOOK, secret: "not a name" } },
      }),
      400,
      "invalid_request",
    );
    const operator = await memberOf(owner.tenantId, "operator");
    await expectError(
      await call(`${base}/audit/sinks`, {
        cookie: operator.cookie,
        body: { sink: { kind: "webhook", url: HOOK, secret: "K" } },
      }),
      403,
      "forbidden",
    );
  });
});
