import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { call, expectError, signUp } from "../../../tests/helpers/client";
import { json, newTenant, putSecret } from "../../tenancy/tests/helpers";
import type { Person } from "../../tenancy/tests/helpers";
import { readSecretValue } from "../secrets";
import { coldVault, secretRows } from "./helpers";

interface Meta {
  name: string;
  version: number;
  masked: string;
  dek_version: number;
  updated_by: string;
}

describe("vault API", () => {
  let owner: Person;
  let t: string;

  beforeAll(async () => {
    owner = await signUp();
    t = await newTenant(owner, "Vault");
  });

  it("stores a secret encrypted and answers with metadata and ***last4 only", async () => {
    const value = "ghp_0123456789abcdefghijABCDEFGHIJ0123xyzW";
    const res = await putSecret(owner.cookie, t, "GITHUB_TOKEN", value);
    const text = await res.clone().text();
    const body = await json<{ secret: Meta }>(res, 201);
    expect(body.secret).toMatchObject({
      name: "GITHUB_TOKEN",
      version: 1,
      masked: "***xyzW",
      dek_version: 1,
      updated_by: `user:${owner.user.id}`,
    });
    expect(text).not.toContain(value.slice(0, -4));
    const [row] = (await secretRows(t)).filter((r) => r.name === "GITHUB_TOKEN");
    expect(row!.ciphertext).not.toContain(value);
    expect(row!.iv).toMatch(/^[A-Za-z0-9+/]{16}$/);
    expect(await readSecretValue(await coldVault(), t, "GITHUB_TOKEN")).toBe(value);
  });

  it("puts new versions with fresh IVs and reads back exactly what was stored", async () => {
    const values = ["first-value", "second ✓ 🔐 value", "\uFEFFwith a BOM and\nnewlines\t"];
    let lastIv = "";
    for (const [i, value] of values.entries()) {
      const res = await putSecret(owner.cookie, t, "ROTATING", value);
      const body = await json<{ secret: Meta }>(res, i === 0 ? 201 : 200);
      expect(body.secret.version).toBe(i + 1);
      const row = (await secretRows(t)).find((r) => r.name === "ROTATING")!;
      expect(row.iv).not.toBe(lastIv);
      lastIv = row.iv!;
      expect(await readSecretValue(await coldVault(), t, "ROTATING")).toBe(value);
    }
  });

  it("lists by name with a cursor and shows one secret's metadata", async () => {
    const u = await signUp();
    const tt = await newTenant(u);
    for (const name of ["C_KEY", "A_KEY", "B_KEY"])
      await putSecret(u.cookie, tt, name, `${name}-value-1234`);
    const page1 = await json<{ secrets: Meta[]; next_cursor: string | null }>(
      await call(`/api/tenants/${tt}/secrets?limit=2`, { cookie: u.cookie }),
    );
    expect(page1.secrets.map((s) => s.name)).toEqual(["A_KEY", "B_KEY"]);
    expect(page1.next_cursor).toBe("B_KEY");
    const page2 = await json<{ secrets: Meta[]; next_cursor: string | null }>(
      await call(`/api/tenants/${tt}/secrets?limit=2&cursor=B_KEY`, { cookie: u.cookie }),
    );
    expect(page2.secrets.map((s) => s.name)).toEqual(["C_KEY"]);
    expect(page2.next_cursor).toBeNull();
    const one = await json<{ secret: Meta }>(
      await call(`/api/tenants/${tt}/secrets/B_KEY`, { cookie: u.cookie }),
    );
    expect(one.secret).toMatchObject({ name: "B_KEY", masked: "***1234" });
    expect(JSON.stringify([page1, page2, one])).not.toContain("value-1234");
    await expectError(
      await call(`/api/tenants/${tt}/secrets/NOPE`, { cookie: u.cookie }),
      404,
      "not_found",
    );
  });

  it("deletes: the ciphertext is erased and the next put continues the version count", async () => {
    await putSecret(owner.cookie, t, "TEMP", "temporary-1");
    await putSecret(owner.cookie, t, "TEMP", "temporary-2");
    const path = `/api/tenants/${t}/secrets/TEMP`;
    expect((await call(path, { method: "DELETE", cookie: owner.cookie })).status).toBe(200);
    const tomb = (await secretRows(t)).find((r) => r.name === "TEMP")!;
    expect(tomb).toMatchObject({ iv: null, ciphertext: null, masked: null, dek_version: null });
    await expectError(await call(path, { cookie: owner.cookie }), 404, "not_found");
    await expectError(
      await call(path, { method: "DELETE", cookie: owner.cookie }),
      404,
      "not_found",
    );
    const list = await json<{ secrets: Meta[] }>(
      await call(`/api/tenants/${t}/secrets`, { cookie: owner.cookie }),
    );
    expect(list.secrets.map((s) => s.name)).not.toContain("TEMP");
    await expect(readSecretValue(await coldVault(), t, "TEMP")).rejects.toMatchObject({
      code: "secret_not_found",
    });

    const again = await json<{ secret: Meta }>(
      await putSecret(owner.cookie, t, "TEMP", "reborn-value"),
      201,
    );
    expect(again.secret.version).toBe(3);
    expect(await readSecretValue(await coldVault(), t, "TEMP")).toBe("reborn-value");
  });

  it("refuses bad names and values with 4xx and writes nothing", async () => {
    const snapshot = async () =>
      JSON.stringify(await secretRows(t)) +
      JSON.stringify(
        (await env.DB.prepare("SELECT * FROM tenant_keys WHERE tenant_id = ?1").bind(t).all())
          .results,
      );
    const before = await snapshot();
    const badNames = [
      "lower",
      "1STARTS_WITH_DIGIT",
      "HAS-DASH",
      "_X",
      "A".repeat(65),
      "SPACE%20X",
      "%C3%84",
    ];
    for (const name of badNames) {
      const res = await call(`/api/tenants/${t}/secrets/${name}`, {
        method: "PUT",
        body: { value: "v" },
        cookie: owner.cookie,
      });
      await expectError(res, 400, "invalid_request");
    }
    const badBodies: unknown[] = [
      {},
      { value: "" },
      { value: 42 },
      { value: null },
      { value: "ok", extra: true },
      ["x"],
      "x",
    ];
    for (const body of badBodies) {
      const res = await call(`/api/tenants/${t}/secrets/GOOD_NAME`, {
        method: "PUT",
        body,
        cookie: owner.cookie,
      });
      await expectError(res, 400, "invalid_request");
    }
    const tooBig = await call(`/api/tenants/${t}/secrets/GOOD_NAME`, {
      method: "PUT",
      body: { value: "x".repeat(64 * 1024 + 1) },
      cookie: owner.cookie,
    });
    await expectError(tooBig, 413, "payload_too_large");
    const notJson = await call(`/api/tenants/${t}/secrets/GOOD_NAME`, {
      method: "PUT",
      rawBody: "{value:",
      headers: { "content-type": "application/json" },
      cookie: owner.cookie,
    });
    await expectError(notJson, 400, "invalid_json");
    expect(await snapshot()).toBe(before);
  });

  it("never echoes a refused value in the error", async () => {
    const value = "sk-proj-" + "Zq9".repeat(20);
    const res = await call(`/api/tenants/${t}/secrets/bad-name`, {
      method: "PUT",
      body: { value },
      cookie: owner.cookie,
    });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain("Zq9Zq9");
    const res2 = await call(`/api/tenants/${t}/secrets/OK_NAME`, {
      method: "PUT",
      body: { value, more: value },
      cookie: owner.cookie,
    });
    expect(res2.status).toBe(400);
    expect(await res2.text()).not.toContain("Zq9Zq9");
  });
});
