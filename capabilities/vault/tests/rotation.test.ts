import { env } from "cloudflare:test";
import { database } from "../../../platform/db/client";
import { describe, expect, it } from "vitest";
import { putSecret as putSecret_, readSecretValue } from "../secrets";
import { rotateDek } from "../rotate-dek";
import type { Vault } from "../deks";
import { call, expectError, signUp } from "../../../tests/helpers/client";
import { fetchWith } from "../../../tests/helpers/worker";
import { expireStepUp, json, newTenant, putSecret } from "../../tenancy/tests/helpers";
import type { Person } from "../../tenancy/tests/helpers";
import { coldVault, dekRows, K1, K2, secretRows } from "./helpers";

const OPERATOR_TOKEN = "operator-token-0123456789abcdef0123456789";
const ROTATED_RING = `${K2},${K1}`;

async function tenantWithSecrets(count: number, prefix = "S") {
  const owner = await signUp();
  const t = await newTenant(owner);
  const values = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const name = `${prefix}_${String(i).padStart(3, "0")}`;
    const value = `value-${prefix}-${i}-${crypto.randomUUID()}`;
    const res = await putSecret(owner.cookie, t, name, value);
    if (res.status !== 201) throw new Error(await res.text());
    values.set(name, value);
  }
  return { owner, t, values };
}

async function expectAllReadable(t: string, values: Map<string, string>, ring = K1) {
  const vault = await coldVault(ring);
  for (const [name, value] of values) {
    expect(await readSecretValue(vault, t, name), name).toBe(value);
  }
}

async function dekVersionsInUse(t: string) {
  const counts: Record<number, number> = {};
  for (const r of await secretRows(t)) counts[r.dek_version!] = (counts[r.dek_version!] ?? 0) + 1;
  return counts;
}

const rotate = (p: Person, t: string, body: unknown = {}) =>
  call(`/api/tenants/${t}/keys/rotate`, { body, cookie: p.cookie });

interface Progress {
  started: boolean;
  status: string;
  active_version: number;
  reencrypted: number;
  remaining: number;
}

describe("DEK rotation", () => {
  it("re-encrypts in steps; stopped half-way every secret stays readable; a second call finishes", async () => {
    const { owner, t, values } = await tenantWithSecrets(25);
    const half = await json<Progress>(await rotate(owner, t, { max_secrets: 12 }));
    expect(half).toEqual({
      started: true,
      status: "in_progress",
      active_version: 2,
      reencrypted: 12,
      remaining: 13,
    });
    expect(await dekVersionsInUse(t)).toEqual({ 1: 13, 2: 12 });
    expect((await dekRows(t)).map((d) => [d.version, d.state])).toEqual([
      [1, "retired"],
      [2, "active"],
    ]);
    await expectAllReadable(t, values);

    // Writes during the rotation go to the new DEK and are not re-encrypted again.
    const updated = "updated-during-rotation";
    await putSecret(owner.cookie, t, "S_020", updated); // still under DEK 1
    values.set("S_020", updated);
    await putSecret(owner.cookie, t, "ADDED", "added-during-rotation");
    values.set("ADDED", "added-during-rotation");

    const status = await json<{ rotation: { in_progress: boolean; remaining: number } }>(
      await call(`/api/tenants/${t}/keys`, { cookie: owner.cookie }),
    );
    expect(status.rotation).toEqual({ in_progress: true, remaining: 12 });

    const rest = await json<Progress>(await rotate(owner, t));
    expect(rest).toMatchObject({
      started: false,
      status: "complete",
      active_version: 2,
      remaining: 0,
      reencrypted: 12,
    });
    expect(await dekVersionsInUse(t)).toEqual({ 2: 26 });
    await expectAllReadable(t, values);

    // The next call starts the next rotation.
    const next = await json<Progress>(await rotate(owner, t));
    expect(next).toMatchObject({
      started: true,
      status: "complete",
      active_version: 3,
      reencrypted: 26,
    });
    await expectAllReadable(t, values);
  }, 20_000); // 25 secrets stored through the API: slow on a loaded machine

  it("survives a crash between batches and resumes with every secret readable", async () => {
    const { t, values } = await tenantWithSecrets(20, "C");
    const vault = await coldVault();
    let batches = 0;
    const crashing = new Proxy(env.DB, {
      get(target, prop) {
        if (prop === "batch") {
          return async (statements: D1PreparedStatement[]) => {
            // 1: new DEK; 2: first five secrets; 3: the crash.
            if (++batches === 3) throw new Error("simulated crash");
            return target.batch(statements);
          };
        }
        const value = Reflect.get(target, prop) as unknown;
        return typeof value === "function"
          ? (value as (...a: unknown[]) => unknown).bind(target)
          : value;
      },
    });
    await expect(
      rotateDek({ ...vault, db: database(crashing) }, t, { maxSecrets: 1000, batchSize: 5 }),
    ).rejects.toThrow("simulated crash");
    expect(await dekVersionsInUse(t)).toEqual({ 1: 15, 2: 5 });
    await expectAllReadable(t, values);

    const resumed = await rotateDek(await coldVault(), t, { maxSecrets: 1000, batchSize: 5 });
    expect(resumed).toMatchObject({
      started: false,
      status: "complete",
      active_version: 2,
      reencrypted: 15,
    });
    expect(await dekVersionsInUse(t)).toEqual({ 2: 20 });
    await expectAllReadable(t, values);
  });

  it("never lets a put that raced the start of a rotation land under the retired DEK", async () => {
    const { t, values } = await tenantWithSecrets(3, "R");
    const vault = await coldVault();
    let raced = false;
    const racing = new Proxy(env.DB, {
      get(target, prop) {
        if (prop === "batch") {
          return async (statements: D1PreparedStatement[]) => {
            if (!raced) {
              // The put has encrypted under DEK 1; a rotation starts before its write lands.
              raced = true;
              await rotateDek(await coldVault(), t, { maxSecrets: 0 });
            }
            return target.batch(statements);
          };
        }
        const value = Reflect.get(target, prop) as unknown;
        return typeof value === "function"
          ? (value as (...a: unknown[]) => unknown).bind(target)
          : value;
      },
    });
    await putSecret_(
      { ...vault, db: database(racing) },
      {
        tenantId: t,
        name: "R_001",
        value: "written-during-the-race",
        actor: "user:test",
      },
    );
    values.set("R_001", "written-during-the-race");
    expect(raced).toBe(true);
    const row = (await secretRows(t)).find((r) => r.name === "R_001")!;
    expect(row).toMatchObject({ version: 2, dek_version: 2 });
    await expectAllReadable(t, values);
    // The rotation sees the secret as done: nothing under DEK 1 was missed.
    expect(await rotateDek(await coldVault(), t, { maxSecrets: 1000 })).toMatchObject({
      started: false,
      reencrypted: 2,
      remaining: 0,
    });
  });

  it("needs a recent sign-in and refuses bad bodies", async () => {
    const { owner, t } = await tenantWithSecrets(2, "G");
    for (const body of [
      { max_secrets: 0 },
      { max_secrets: 10_001 },
      { max_secrets: "5" },
      { extra: 1 },
    ]) {
      await expectError(await rotate(owner, t, body), 400, "invalid_request");
    }
    expireStepUp();
    await expectError(await rotate(owner, t), 403, "step_up_required");
    expect((await dekRows(t)).map((d) => d.version)).toEqual([1]);
  });
});

describe("KEK rotation (rewrap)", () => {
  const operator = (
    path: string,
    init: RequestInit = {},
    token = OPERATOR_TOKEN,
    ring = ROTATED_RING,
  ) =>
    fetchWith({ VAULT_KEKS: ring, OPERATOR_TOKEN }, path, {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
    });

  it("rewraps DEKs only, resumably, with every secret readable throughout", async () => {
    const tenants = [
      await tenantWithSecrets(3, "K"),
      await tenantWithSecrets(3, "K"),
      await tenantWithSecrets(3, "K"),
    ];
    // Two DEK versions in the first tenant: both need rewrapping.
    await rotate(tenants[0]!.owner, tenants[0]!.t);
    const secretsBefore = await Promise.all(tenants.map((x) => secretRows(x.t)));

    const status = await json<{ active_kek: string; ring: string[]; needs_rewrap: number }>(
      await operator("/api/operator/vault/status"),
    );
    expect(status.active_kek).toBe("k2");
    expect(status.ring).toEqual(["k2", "k1"]);
    expect(status.needs_rewrap).toBeGreaterThanOrEqual(4);

    const first = await json<{
      status: string;
      rewrapped: number;
      remaining: number;
      failed: unknown[];
    }>(
      await operator("/api/operator/vault/rewrap", {
        method: "POST",
        body: JSON.stringify({ limit: 2 }),
      }),
    );
    expect(first).toMatchObject({ status: "in_progress", rewrapped: 2, failed: [] });
    expect(first.remaining).toBe(status.needs_rewrap - 2);
    for (const x of tenants) await expectAllReadable(x.t, x.values, ROTATED_RING);

    let result = first;
    while (result.status !== "complete") {
      result = await json(
        await operator("/api/operator/vault/rewrap", {
          method: "POST",
          body: JSON.stringify({ limit: 1000 }),
        }),
      );
    }
    expect(result.remaining).toBe(0);
    for (const x of tenants) {
      for (const d of await dekRows(x.t)) {
        expect(d.kek_id).toBe("k2");
        expect(d.rewrapped_at).not.toBeNull();
      }
      // With the old KEK gone from the ring, everything still opens.
      await expectAllReadable(x.t, x.values, K2);
    }
    // No secret was re-encrypted.
    expect(await Promise.all(tenants.map((x) => secretRows(x.t)))).toEqual(secretsBefore);
  });

  it("rewraps one tenant from its key page, with step-up", async () => {
    const a = await tenantWithSecrets(2, "P");
    const b = await tenantWithSecrets(2, "P");
    const res = await fetchWith({ VAULT_KEKS: ROTATED_RING }, `/api/tenants/${a.t}/keys/rewrap`, {
      method: "POST",
      body: "{}",
      headers: { cookie: a.owner.cookie },
    });
    expect(await json(res)).toMatchObject({ status: "complete", active_kek: "k2", rewrapped: 1 });
    expect((await dekRows(a.t))[0]!.kek_id).toBe("k2");
    expect((await dekRows(b.t))[0]!.kek_id).toBe("k1");
    await expectAllReadable(a.t, a.values, K2);
  });

  it("reports DEKs whose KEK is missing from the ring instead of failing", async () => {
    const x = await tenantWithSecrets(1, "M");
    const res = await fetchWith({ VAULT_KEKS: K2 }, `/api/tenants/${x.t}/keys/rewrap`, {
      method: "POST",
      body: "{}",
      headers: { cookie: x.owner.cookie },
    });
    const body = await json<{
      status: string;
      failed: { reason: string; kek_id: string }[];
      remaining: number;
    }>(res);
    expect(body).toMatchObject({ status: "in_progress", remaining: 1 });
    expect(body.failed).toEqual([
      expect.objectContaining({ tenant_id: x.t, reason: "unknown_kek", kek_id: "k1" }),
    ]);
    expect((await dekRows(x.t))[0]!.kek_id).toBe("k1");
  });

  it("is open only to the operator token, and absent when none is configured", async () => {
    const x = await tenantWithSecrets(1, "O");
    await expectError(
      await operator("/api/operator/vault/status", {}, "wrong-token-0123456789abcdef0123456789"),
      401,
      "unauthenticated",
    );
    const noBearer = await fetchWith({ OPERATOR_TOKEN }, "/api/operator/vault/status", {
      headers: { cookie: x.owner.cookie },
    });
    await expectError(noBearer, 401, "unauthenticated");
    const disabled = await fetchWith({}, "/api/operator/vault/rewrap", {
      method: "POST",
      body: "{}",
      headers: { authorization: `Bearer ${OPERATOR_TOKEN}` },
    });
    await expectError(disabled, 404, "not_found");
    // Wrong token with a bad body: still 401, nothing learnt from validation.
    await expectError(
      await operator(
        "/api/operator/vault/rewrap",
        { method: "POST", body: '{"limit":-1}' },
        "nope",
      ),
      401,
      "unauthenticated",
    );
    expect((await dekRows(x.t))[0]!.kek_id).toBe("k1");
  });
});
