import { env } from "cloudflare:test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { MockInstance } from "vitest";
import { toBase64, toHex, utf8 } from "../../../core/encoding";
import { readSecretValue } from "../secrets";
import { call, signUp } from "../../../tests/helpers/client";
import { fetchWith } from "../../../tests/helpers/worker";
import { createToken, newTenant, withToken } from "../../tenancy/tests/helpers";
import { coldVault, WRONG_K1 } from "./helpers";

/**
 * Plants secret values and then looks for them everywhere a value could leak: every API answer,
 * every console line and every column of every D1 table. Only ciphertext may hold them, and
 * ciphertext never contains the value in any encoding.
 */
describe("secret values never leave the vault", () => {
  const CANARY = `canary-${crypto.randomUUID()}`;
  const ASKED = `asked-canary-${crypto.randomUUID()}`;
  const needles = [CANARY, ASKED].flatMap((v) => [
    v,
    v.slice(0, 24),
    toBase64(utf8.encode(v)).slice(0, 24),
    toHex(utf8.encode(v)).slice(0, 24),
    encodeURIComponent(v).slice(0, 24),
  ]);
  const bodies: string[] = [];
  const spies: MockInstance[] = [];

  const record = async (res: Response) => {
    bodies.push(`${res.status} ${[...res.headers].join(";")} ${await res.clone().text()}`);
    return res;
  };

  beforeAll(() => {
    for (const method of ["log", "error", "warn", "info", "debug"] as const) {
      spies.push(vi.spyOn(console, method));
    }
  });
  afterAll(() => spies.forEach((s) => s.mockRestore()));

  it("is in no API answer, log line or D1 column", async () => {
    const owner = await signUp();
    const t = await newTenant(owner, "Canary");
    const agent = (await createToken(owner.cookie, t, "operator")).token;
    const base = `/api/tenants/${t}`;

    await record(
      await call(`${base}/secrets/CANARY`, {
        method: "PUT",
        body: { value: CANARY },
        cookie: owner.cookie,
      }),
    );
    await record(
      await withToken(`${base}/secrets/CANARY`, agent, { method: "PUT", body: { value: CANARY } }),
    );
    const asked = await record(
      await withToken(`${base}/secret-requests`, agent, {
        body: {
          name: "ASKED",
          description: "for the test",
          destination: { origin: "https://api.example.com" },
        },
      }),
    );
    const { request } = (await asked.clone().json()) as { request: { id: string } };
    await record(
      await call(`${base}/secret-requests/${request.id}/answer`, {
        body: { value: ASKED },
        cookie: owner.cookie,
      }),
    );
    await record(
      await call(`${base}/keys/rotate`, { body: { max_secrets: 1 }, cookie: owner.cookie }),
    );
    await record(await call(`${base}/keys/rotate`, { body: {}, cookie: owner.cookie }));
    // Failure paths log; they must not log values.
    await record(
      await fetchWith({ VAULT_KEKS: WRONG_K1 }, `${base}/secrets/CANARY`, {
        method: "PUT",
        body: JSON.stringify({ value: CANARY }),
        headers: { cookie: owner.cookie },
      }),
    );
    await record(
      await call(`${base}/secrets/bad-name`, {
        method: "PUT",
        body: { value: CANARY },
        cookie: owner.cookie,
      }),
    );
    await record(
      await call(`${base}/secrets/CANARY`, {
        method: "PUT",
        body: { value: CANARY, x: 1 },
        cookie: owner.cookie,
      }),
    );

    for (const path of [
      "/api/me",
      base,
      `${base}/secrets`,
      `${base}/secrets/CANARY`,
      `${base}/secrets/ASKED`,
      `${base}/secret-requests?status=all`,
      `${base}/secret-requests/${request.id}`,
      `${base}/keys`,
      `${base}/tokens`,
      `${base}/members`,
      `${base}/invites`,
    ]) {
      await record(await call(path, { cookie: owner.cookie }));
    }
    await record(await withToken(`${base}/secrets`, agent));

    // The values really are stored (so the searches below are meaningful).
    expect(await readSecretValue(await coldVault(), t, "CANARY")).toBe(CANARY);
    expect(await readSecretValue(await coldVault(), t, "ASKED")).toBe(ASKED);
    expect(bodies.length).toBeGreaterThan(20);

    for (const body of bodies) for (const needle of needles) expect(body).not.toContain(needle);

    const lines = spies.flatMap((s) => s.mock.calls.map((args) => args.map(String).join(" ")));
    expect(lines.some((l) => l.includes("[dev outbox]"))).toBe(true); // the spies see the Worker
    expect(lines.some((l) => l.includes("vault crypto failure"))).toBe(true);
    for (const line of lines) for (const needle of needles) expect(line).not.toContain(needle);

    const { results: tables } = await env.DB.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'",
    ).all<{ name: string }>();
    expect(tables.map((x) => x.name)).toEqual(
      expect.arrayContaining(["secrets", "secret_requests", "tenant_keys"]),
    );
    let cells = 0;
    for (const { name } of tables) {
      const { results } = await env.DB.prepare(`SELECT * FROM "${name}"`).all<
        Record<string, unknown>
      >();
      for (const row of results) {
        for (const [column, value] of Object.entries(row)) {
          cells++;
          for (const needle of needles) {
            expect(String(value), `${name}.${column}`).not.toContain(needle);
          }
        }
      }
    }
    expect(cells).toBeGreaterThan(100);
  });
});
