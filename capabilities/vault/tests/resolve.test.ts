import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { Destination, DestinationVia } from "../../../core/secrets/destinations";
import { VaultError } from "../errors";
import { VaultSession, type SecretUse } from "../resolve";
import { setSecretDestinations } from "../secrets";
import { signUp } from "../../../tests/helpers/client";
import { newTenant, putSecret } from "../../tenancy/tests/helpers";
import { auditStatement } from "../../audit/outbox";

const header = (name: string): DestinationVia => ({ kind: "header", name });
const provider = (id: string): DestinationVia => ({ kind: "provider", id });

describe("the secret resolver checks every destination rule", () => {
  let t: string;
  let other: string;
  const TOKEN = "ghp_resolveMe0123456789abcdefABCDEF01";
  const PASSWORD = "correct horse battery staple";
  const KEY = "sk-ant-api03-resolverTestKey0123456789";

  const bind = (name: string, destinations: Destination[]) =>
    setSecretDestinations(env.DB, {
      tenantId: t,
      name,
      destinations,
      actor: "test",
      now: 1,
      audit: () =>
        auditStatement(
          env.DB,
          {
            tenantId: t,
            type: "secret.destinations_changed",
            actor: { kind: "system", id: "test" },
            data: { name },
          },
          1,
          { ifChanged: true },
        ),
    });

  beforeAll(async () => {
    const owner = await signUp();
    t = await newTenant(owner);
    other = await newTenant(owner);
    await putSecret(owner.cookie, t, "GH_TOKEN", TOKEN);
    await putSecret(owner.cookie, t, "DB_PASSWORD", PASSWORD);
    await putSecret(owner.cookie, t, "UNBOUND", "unbound-value-1234");
    await putSecret(owner.cookie, t, "PROVIDER_KEY", KEY);
    await putSecret(owner.cookie, other, "ELSEWHERE", "other-tenant-value");
    await bind("GH_TOKEN", [
      { origin: "https://api.github.com", via: header("authorization") },
      { origin: "https://*.githubusercontent.com", via: header("authorization") },
      { origin: "https://ghe.example.com:8443", via: header("x-token") },
    ]);
    await bind("PROVIDER_KEY", [{ origin: "https://api.anthropic.com", via: provider("main") }]);
  });

  // [url, via, allowed?]
  const CASES: [string, DestinationVia, boolean][] = [
    ["https://api.github.com/user", header("authorization"), true],
    ["https://api.github.com:443/user?x=1", header("Authorization"), true],
    ["https://API.GITHUB.COM/", header("authorization"), true],
    ["https://api.github.com./", header("authorization"), true],
    ["http://api.github.com/user", header("authorization"), false], // scheme
    ["https://api.github.com:8443/", header("authorization"), false], // port
    ["https://api.github.com/", header("x-api-key"), false], // another header
    ["https://api.github.com.evil.example/", header("authorization"), false], // suffix trick
    ["https://evilapi.github.com/", header("authorization"), false], // not the exact host
    ["https://github.com/", header("authorization"), false],
    ["https://raw.githubusercontent.com/x", header("authorization"), true], // wildcard
    ["https://a.b.githubusercontent.com/x", header("authorization"), true],
    ["https://githubusercontent.com/x", header("authorization"), false], // wildcard ≠ apex
    ["https://evilgithubusercontent.com/", header("authorization"), false],
    ["https://ghe.example.com:8443/api", header("x-token"), true], // explicit port
    ["https://ghe.example.com/api", header("x-token"), false], // default port ≠ 8443
    ["https://api.github.com/", provider("main"), false], // a header binding is not a provider one
    ["not a url", header("authorization"), false],
  ];

  it.each(CASES)("GH_TOKEN to %s via %j → allowed %s", async (url, via, allowed) => {
    const uses: SecretUse[] = [];
    const vault = await VaultSession.open(env, t, (u) => uses.push(u));
    const outcome = await vault.resolveFor("GH_TOKEN", url, via).catch((e: unknown) => e);
    if (allowed) {
      expect(outcome).toBe(TOKEN);
      expect(uses).toHaveLength(1);
      expect(uses[0]).toMatchObject({ name: "GH_TOKEN", url, via });
      expect(JSON.stringify(uses)).not.toContain(TOKEN);
    } else {
      expect(outcome).toBeInstanceOf(VaultError);
      expect((outcome as VaultError).code).toBe("destination_refused");
      expect((outcome as VaultError).message).toContain("GH_TOKEN");
      expect((outcome as VaultError).message).not.toContain(TOKEN);
      expect(uses).toEqual([]);
    }
  });

  it("binds a provider key to its provider id and origin only", async () => {
    const vault = await VaultSession.open(env, t);
    expect(
      await vault.resolveFor("PROVIDER_KEY", "https://api.anthropic.com", provider("main")),
    ).toBe(KEY);
    for (const [url, via] of [
      ["https://api.anthropic.com", provider("other")],
      ["https://attacker.example", provider("main")],
      ["https://api.anthropic.com", header("x-api-key")],
    ] as const) {
      await expect(vault.resolveFor("PROVIDER_KEY", url, via)).rejects.toMatchObject({
        code: "destination_refused",
      });
    }
  });

  it("sends a secret without destinations nowhere", async () => {
    const vault = await VaultSession.open(env, t);
    const error = (await vault
      .resolveFor("UNBOUND", "https://api.github.com", header("authorization"))
      .catch((e: unknown) => e)) as VaultError;
    expect(error.code).toBe("destination_refused");
    expect(error.message).toMatch(/no destinations/);
  });

  it("resolves references inside a header value, each checked", async () => {
    const vault = await VaultSession.open(env, t);
    expect(
      await vault.resolveHeader(
        "Bearer secret:GH_TOKEN",
        "https://api.github.com/",
        "authorization",
      ),
    ).toBe(`Bearer ${TOKEN}`);
    expect(
      await vault.resolveHeader("tok_secret:GH_TOKENx", "https://api.github.com/", "authorization"),
    ).toBe(`tok_${TOKEN}x`);
    await expect(
      vault.resolveHeader(
        "secret:GH_TOKEN secret:DB_PASSWORD",
        "https://api.github.com/",
        "authorization",
      ),
    ).rejects.toMatchObject({ code: "destination_refused" });
  });

  it("fails for unknown names and other tenants' secrets, naming the secret only", async () => {
    const vault = await VaultSession.open(env, t);
    for (const name of ["MISSING", "ELSEWHERE"]) {
      const error = (await vault
        .resolveFor(name, "https://api.github.com", header("authorization"))
        .catch((e: unknown) => e)) as VaultError;
      expect(error).toBeInstanceOf(VaultError);
      expect(error.code).toBe("secret_not_found");
      expect(error.message).toContain(name);
      expect(error.message).not.toContain("other-tenant-value");
    }
  });

  it("masks what it knows in every spelling, keeps a matcher past close, forgets on close", async () => {
    const vault = await VaultSession.open(env, t);
    await vault.resolveFor("GH_TOKEN", "https://api.github.com", header("authorization"));
    const output = `token=${TOKEN}; b64 ${btoa(TOKEN)}; password ${PASSWORD}`;
    expect(vault.mask(output)).toBe(
      `token=***EF01; b64 ***${btoa(TOKEN).replace(/=+$/, "").slice(-4)}==; password ${PASSWORD}`,
    );
    await vault.rememberAll();
    const matcher = vault.matcher();
    expect(vault.mask(output)).toContain("password ***aple");
    vault.close();
    expect(vault.mask(output)).toBe(output);
    expect(matcher.mask(output)).toContain("password ***aple");
  });

  it("needs VAULT_KEKS", async () => {
    await expect(VaultSession.open({ DB: env.DB }, t)).rejects.toThrow("VAULT_KEKS");
  });
});
