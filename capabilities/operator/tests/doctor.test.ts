import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, expectError, signUp } from "../../../tests/helpers/client";
import { RESEND_KEY } from "../../../tests/helpers/resend-mock";
import { fetchWith } from "../../../tests/helpers/worker";

type Report = { status: string; checks: { id: string; status: string; message: string }[] };

describe("doctor", () => {
  it("needs a signed-in caller", async () => {
    await expectError(await call("/api/doctor"), 401, "unauthenticated");
  });

  it("reports development settings as warnings and never echoes a value", async () => {
    const a = await signUp();
    const report = (await (await call("/api/doctor", { cookie: a.cookie })).json()) as Report;
    const byId = Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
    expect(byId).toMatchObject({
      origins: "warn",
      mail: "warn",
      rp_id: "ok",
      vault_keks: "ok",
      signing_key: "ok",
    });
    expect(report.status).toBe("warn");
    const text = JSON.stringify(report);
    for (const secret of [
      env.AUTH_PEPPER!,
      env.VAULT_KEKS!.split(":")[1]!,
      JSON.parse(env.SIGNING_KEY!).d,
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it("flags production mistakes as errors: http origins, an RP ID that does not match, no signing key", async () => {
    const a = await signUp();
    const res = await fetchWith(
      {
        ENVIRONMENT: "production",
        RESEND_API_KEY: RESEND_KEY,
        RP_ID: "gatehouse.example.com",
        SIGNING_KEY: undefined,
      },
      "/api/doctor",
      { headers: { cookie: a.cookie.replace(/^session=/, "__Host-session=") } },
    );
    const report = (await res.json()) as Report;
    const byId = Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
    expect(byId).toMatchObject({
      origins: "error",
      rp_id: "error",
      signing_key: "error",
      mail: "ok",
    });
    expect(report.status).toBe("error");
  });
});
