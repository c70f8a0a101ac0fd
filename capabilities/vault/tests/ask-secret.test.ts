import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { readSecretValue } from "../secrets";
import { call, expectError, signUp } from "../../../tests/helpers/client";
import { useTestClock } from "../../../tests/helpers/clock";
import { createToken, json, newMember, newTenant, withToken } from "../../tenancy/tests/helpers";
import type { Person } from "../../tenancy/tests/helpers";
import { coldVault, secretRows } from "./helpers";

interface Req {
  id: string;
  name: string;
  status: string;
  notice: string;
  requested_by: string;
}

describe("ask_secret", () => {
  let owner: Person;
  let t: string;
  let agent: string;

  beforeAll(async () => {
    owner = await signUp();
    t = await newTenant(owner, "Ask");
    agent = (await createToken(owner.cookie, t, "operator")).token;
  });

  const ask = (name: string, extra: Record<string, unknown> = {}) =>
    withToken(`/api/tenants/${t}/secret-requests`, agent, {
      body: {
        name,
        description: `needed to call ${name}`,
        destination: { origin: "https://api.stripe.com" },
        ...extra,
      },
    });
  const answer = (id: string, value: string, cookie = owner.cookie) =>
    call(`/api/tenants/${t}/secret-requests/${id}/answer`, { body: { value }, cookie });

  it("stores the answer encrypted and tells the agent only that it was saved", async () => {
    const created = await json<{ request: Req }>(await ask("STRIPE_KEY"), 201);
    expect(created.request).toMatchObject({
      name: "STRIPE_KEY",
      status: "pending",
      notice: "Stored encrypted, never sent to the AI.",
    });
    expect(created.request.requested_by).toMatch(/^token:/);

    const pending = await json<{ requests: Req[] }>(
      await call(`/api/tenants/${t}/secret-requests`, { cookie: owner.cookie }),
    );
    expect(pending.requests.map((r) => r.id)).toContain(created.request.id);

    const value = "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc".repeat(2);
    const res = await answer(created.request.id, value);
    expect(await json(res)).toEqual({ result: "secret saved" });
    expect(await readSecretValue(await coldVault(), t, "STRIPE_KEY")).toBe(value);

    const seen = await json<{ request: Req }>(
      await withToken(`/api/tenants/${t}/secret-requests/${created.request.id}`, agent),
    );
    expect(seen.request.status).toBe("fulfilled");
    expect(JSON.stringify(seen)).not.toContain(value);

    await expectError(await answer(created.request.id, "second-try"), 409, "conflict");
    expect(await readSecretValue(await coldVault(), t, "STRIPE_KEY")).toBe(value);
  });

  it("refuses expired and declined requests without storing anything", async () => {
    const expired = await json<{ request: Req }>(
      await ask("EXPIRED_KEY", { expires_in_seconds: 60 }),
      201,
    );
    useTestClock().advance(61_000);
    await expectError(await answer(expired.request.id, "too-late-value"), 409, "conflict");

    const declined = await json<{ request: Req }>(await ask("DECLINED_KEY"), 201);
    const path = `/api/tenants/${t}/secret-requests/${declined.request.id}`;
    expect((await call(path, { method: "DELETE", cookie: owner.cookie })).status).toBe(200);
    await expectError(await answer(declined.request.id, "declined-value"), 409, "conflict");
    await expectError(
      await call(path, { method: "DELETE", cookie: owner.cookie }),
      409,
      "conflict",
    );
    const names = (await secretRows(t)).map((r) => r.name);
    expect(names).not.toContain("EXPIRED_KEY");
    expect(names).not.toContain("DECLINED_KEY");
    await expectError(await answer(crypto.randomUUID(), "x-value"), 404, "not_found");
  });

  it("is answered only by roles that may write secrets", async () => {
    const viewer = await newMember(t, "viewer");
    const created = await json<{ request: Req }>(await ask("VIEWER_KEY"), 201);
    await expectError(
      await answer(created.request.id, "viewer-value", viewer.cookie),
      403,
      "forbidden",
    );
    const row = await env.DB.prepare("SELECT status FROM secret_requests WHERE id = ?1")
      .bind(created.request.id)
      .first<{ status: string }>();
    expect(row!.status).toBe("pending");
  });

  it("refuses a description that contains a credential, without echoing it", async () => {
    const key = "ghp_" + "A1b2C3d4E5".repeat(4);
    const res = await ask("GH_TOKEN", { description: `use ${key} please` });
    const text = await res.clone().text();
    const error = await expectError(res, 400, "invalid_request");
    expect((error.issues[0] as { message: string }).message).toContain("GitHub token");
    expect(text).not.toContain("A1b2C3d4E5");
    for (const body of [
      { name: "lower", description: "x" },
      { name: "OK" },
      { name: "OK", description: "x", expires_in_seconds: 5 },
    ]) {
      await expectError(
        await withToken(`/api/tenants/${t}/secret-requests`, agent, { body }),
        400,
        "invalid_request",
      );
    }
  });
});
