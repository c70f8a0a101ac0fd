import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { describe, expect, it } from "vitest";
import { call, expectError, ORIGIN, signUp } from "../helpers/client";
import { useTestClock } from "../helpers/clock";
import { SoftAuthenticator } from "../helpers/soft-authenticator";
import { expireStepUp, json, newTenant } from "../../capabilities/tenancy/tests/helpers";

/**
 * Issue 10, hole 1: a thief with a stolen session cookie (its sign-in older than 10 minutes)
 * registers a passkey of their own and uses it to mint step-up, then deletes the tenant.
 */
async function registerPasskey(cookie: string, auth: SoftAuthenticator): Promise<string> {
  const options = await json<PublicKeyCredentialCreationOptionsJSON>(
    await call("/api/me/passkeys/options", { method: "POST", cookie }),
  );
  const response = await auth.createCredential(options, { origin: ORIGIN });
  const { passkey } = await json<{ passkey: { id: string } }>(
    await call("/api/me/passkeys", { body: { response }, cookie }),
    201,
  );
  return passkey.id;
}

describe("attack: step-up minted by the thief", () => {
  it("a stale stolen session cannot register a passkey, so it cannot step up with one", async () => {
    const victim = await signUp();
    const tenant = await newTenant(victim, "Victim Co");
    expireStepUp();
    const stolen = victim.cookie;

    await expectError(
      await call(`/api/tenants/${tenant}`, { method: "DELETE", cookie: stolen }),
      403,
      "step_up_required",
    );
    const options = await call("/api/me/passkeys/options", { method: "POST", cookie: stolen });
    const refused = await expectError(options, 403, "step_up_required");
    expect(refused.issues).toEqual([{ path: "operation", message: "passkeys.add" }]);

    const tenantNow = await call(`/api/tenants/${tenant}`, { cookie: stolen });
    expect(tenantNow.status).toBe(200);
  });

  it("a passkey added during the session cannot confirm that session", async () => {
    // The person's own passkey, registered a day before this session's sign-in.
    const earlier = await signUp();
    const own = new SoftAuthenticator();
    const ownKey = await registerPasskey(earlier.cookie, own);
    useTestClock().advance(24 * 60 * 60 * 1000);
    const victim = await signUp(earlier.email);
    const tenant = await newTenant(victim, "Victim Co");
    // The thief stole the cookie inside the window and registered their own passkey at once.
    const thief = new SoftAuthenticator();
    const thiefKey = await registerPasskey(victim.cookie, thief);
    expireStepUp();

    const stepUpOptions = async () =>
      json<PublicKeyCredentialRequestOptionsJSON>(
        await call("/api/auth/step-up/options", { method: "POST", cookie: victim.cookie }),
      );
    const options = await stepUpOptions();
    expect(options.allowCredentials?.map((c) => c.id)).toEqual([ownKey]);
    // The thief signs the challenge with their passkey anyway.
    const forged = await thief.getAssertion(options, { origin: ORIGIN, credentialId: thiefKey });
    await expectError(
      await call("/api/auth/step-up/verify", { body: { response: forged }, cookie: victim.cookie }),
      409,
      "no_passkey",
    );
    await expectError(
      await call(`/api/tenants/${tenant}`, { method: "DELETE", cookie: victim.cookie }),
      403,
      "step_up_required",
    );

    // The person's own older passkey confirms them, and the action goes through.
    const mine = await own.getAssertion(await stepUpOptions(), {
      origin: ORIGIN,
      credentialId: ownKey,
    });
    await json(
      await call("/api/auth/step-up/verify", { body: { response: mine }, cookie: victim.cookie }),
    );
    expect(
      (await call(`/api/tenants/${tenant}`, { method: "DELETE", cookie: victim.cookie })).status,
    ).toBe(200);
  });
});
