import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { VaultError } from "../../../workers/vault/errors";
import { resolveSecretRefs, secretRefName, VaultSession } from "../../../workers/vault/resolve";
import { signUp } from "../../helpers/client";
import { newTenant, putSecret } from "../tenancy/helpers";

describe("secret:NAME resolution for tools", () => {
  let t: string;
  let other: string;
  const TOKEN = "ghp_resolveMe0123456789abcdefABCDEF01";
  const PASSWORD = "correct horse battery staple";

  beforeAll(async () => {
    const owner = await signUp();
    t = await newTenant(owner);
    other = await newTenant(owner);
    await putSecret(owner.cookie, t, "GH_TOKEN", TOKEN);
    await putSecret(owner.cookie, t, "DB_PASSWORD", PASSWORD);
    await putSecret(owner.cookie, other, "ELSEWHERE", "other-tenant-value");
  });

  it("recognises only whole strings of the form secret:NAME", () => {
    expect(secretRefName("secret:GH_TOKEN")).toBe("GH_TOKEN");
    for (const s of [
      "secret:gh_token",
      "Bearer secret:GH_TOKEN",
      "secret:GH_TOKEN ",
      "secret:",
      "secret:1X",
      5,
      null,
    ]) {
      expect(secretRefName(s)).toBeUndefined();
    }
  });

  it("replaces references deeply and leaves everything else as it was", async () => {
    const args = {
      url: "https://api.github.com/user",
      headers: { authorization: "secret:GH_TOKEN", "secret:GH_TOKEN": "key stays" },
      list: ["secret:DB_PASSWORD", 3, true, null, ["secret:GH_TOKEN"]],
      literal: "Bearer secret:GH_TOKEN",
      ["__proto__"]: "secret:DB_PASSWORD",
    };
    const frozen = JSON.stringify(args);
    const { args: resolved, session } = await resolveSecretRefs(env, t, args);
    expect(resolved.headers).toEqual({ authorization: TOKEN, "secret:GH_TOKEN": "key stays" });
    expect(resolved.list).toEqual([PASSWORD, 3, true, null, [TOKEN]]);
    expect(resolved.literal).toBe("Bearer secret:GH_TOKEN");
    expect(Object.getPrototypeOf(resolved)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(resolved, "__proto__")?.value).toBe(PASSWORD);
    expect(JSON.stringify(args)).toBe(frozen);
    expect(session.resolvedNames.sort()).toEqual(["DB_PASSWORD", "GH_TOKEN"]);
  });

  it("fails for unknown names and for other tenants' secrets, naming the secret only", async () => {
    for (const ref of ["secret:MISSING", "secret:ELSEWHERE"]) {
      const error = await resolveSecretRefs(env, t, { a: ref }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VaultError);
      expect((error as VaultError).code).toBe("secret_not_found");
      expect((error as VaultError).message).toContain(ref.slice(7));
      expect((error as VaultError).message).not.toContain("other-tenant-value");
    }
  });

  it("masks the values it handed out in tool output, and forgets them on close", async () => {
    const { session } = await resolveSecretRefs(env, t, ["secret:GH_TOKEN"]);
    const output = `token=${TOKEN}; again ${TOKEN}; password ${PASSWORD}`;
    expect(session.mask(output)).toBe(`token=***EF01; again ***EF01; password ${PASSWORD}`);
    await session.rememberAll();
    expect(session.mask(output)).toBe("token=***EF01; again ***EF01; password ***aple");
    session.close();
    expect(session.mask(output)).toBe(output);
  });

  it("needs VAULT_KEKS", async () => {
    await expect(VaultSession.open({ DB: env.DB }, t)).rejects.toThrow("VAULT_KEKS");
  });
});
