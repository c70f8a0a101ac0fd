import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import { describe, expect, it } from "vitest";
import {
  alwaysNeedsStepUp,
  STEP_UP_OPERATION_NAMES,
  STEP_UP_OPERATIONS,
} from "../../../core/step-up";
import type { StepUpOperationName } from "../../../core/step-up";
import {
  call,
  expectError,
  freshEmail,
  freshIp,
  latestCode,
  ORIGIN,
  signUp,
  skipCooldown,
} from "../../../tests/helpers/client";
import { SoftAuthenticator } from "../../../tests/helpers/soft-authenticator";
import { createToken, expireStepUp, json, newTenant, withToken } from "./helpers";
import type { Person } from "./helpers";
import { startDeviceSignIn } from "../../account/tests/support";
import { resolveRoute, TENANT_ROUTES, tenantSnapshot } from "./route-table";
import type { TenantRoute } from "./route-table";

/**
 * The step-up list (core/step-up.ts) against the route table: every listed operation that has a
 * route is guarded by one, every route of an always-sensitive action is marked so, and each
 * guarded call is refused for a session confirmed more than 10 minutes ago (changing nothing),
 * refused for API tokens, and allowed again once the person confirms with an email code.
 */
interface Case {
  key: string;
  operation: StepUpOperationName;
  route: TenantRoute;
  prepare: TenantRoute["prepare"];
  success: number;
}

const CASES: Case[] = Object.entries(TENANT_ROUTES).flatMap(([key, route]) => {
  const cases: Case[] = [];
  if (route.needs === "step_up") {
    cases.push({
      key,
      route,
      operation: route.action as StepUpOperationName,
      prepare: route.prepare,
      success: route.success,
    });
  }
  if (route.stepUp) {
    const { operation, prepare, success } = route.stepUp;
    cases.push({ key, route, operation, prepare, success: success ?? route.success });
  }
  return cases;
});

/** The account routes of the list (not tenant routes), and how to call each. */
const ACCOUNT_ROUTES: Record<string, StepUpOperationName> = {
  "POST /api/me/passkeys/options": "passkeys.add",
  "POST /api/me/passkeys": "passkeys.add",
  "DELETE /api/me/passkeys/{id}": "passkeys.remove",
  // Issue 17:
  "POST /api/me/email/change": "account.change_email",
  "POST /api/me/email/confirm": "account.change_email",
  "DELETE /api/me": "account.delete",
  "POST /api/me/device-sign-ins/approve": "account.approve_device_sign_in",
};

async function confirmWithCode(person: Person) {
  skipCooldown();
  const start = await call("/api/auth/otp/start", { body: { email: person.email }, ip: person.ip });
  expect(start.status).toBe(202);
  const code = await latestCode(person.email);
  await json(await call("/api/auth/step-up/otp", { body: { code }, cookie: person.cookie }));
}

describe("step-up list ↔ route table", () => {
  it("every operation with a route is guarded by a route in the tables", () => {
    const guarded = new Set<string>([
      ...CASES.map((c) => c.operation),
      ...Object.values(ACCOUNT_ROUTES),
    ]);
    const routed = STEP_UP_OPERATION_NAMES.filter((name) => STEP_UP_OPERATIONS[name].route);
    expect(routed.filter((name) => !guarded.has(name))).toEqual([]);
    for (const c of CASES) expect(STEP_UP_OPERATIONS[c.operation]).toBeDefined();
  });

  it("every route of an always-sensitive action is marked as needing step-up", () => {
    const unmarked = Object.entries(TENANT_ROUTES)
      .filter(([, r]) => alwaysNeedsStepUp(r.action) && r.needs !== "step_up")
      .map(([key]) => key);
    expect(unmarked).toEqual([]);
  });

  it.each(CASES.map((c) => [`${c.key} (${c.operation})`, c] as const))(
    "%s: stale session refused, token refused, confirmed person allowed",
    async (_, c) => {
      const owner = await signUp();
      const tenantId = await newTenant(owner, "Step-up");
      const { token } = await createToken(owner.cookie, tenantId, "owner");

      const forToken = await c.prepare(tenantId, owner.cookie);
      const tokenCall = resolveRoute(c.key, tenantId, forToken.params, forToken.query);
      await expectError(
        await withToken(tokenCall.path, token, { method: tokenCall.method, body: forToken.body }),
        403,
        "session_required",
      );

      const { params, body, query } = await c.prepare(tenantId, owner.cookie);
      const { method, path } = resolveRoute(c.key, tenantId, params, query);
      expireStepUp();
      const before = await tenantSnapshot(tenantId);
      const refused = await expectError(
        await call(path, { method, body, cookie: owner.cookie }),
        403,
        "step_up_required",
      );
      expect(refused.issues).toEqual([{ path: "operation", message: c.operation }]);
      expect(await tenantSnapshot(tenantId)).toBe(before);

      await confirmWithCode(owner);
      const res = await call(path, { method, body, cookie: owner.cookie });
      expect(res.status, await res.clone().text()).toBe(c.success);
    },
    30_000,
  );

  it("adding and removing passkeys need a recent confirmation", async () => {
    expect(Object.keys(ACCOUNT_ROUTES).filter((k) => k.includes("passkeys")).length).toBe(3);
    const person = await signUp();
    const auth = new SoftAuthenticator();
    const options = await json<PublicKeyCredentialCreationOptionsJSON>(
      await call("/api/me/passkeys/options", { method: "POST", cookie: person.cookie }),
    );
    const response = await auth.createCredential(options, { origin: ORIGIN });
    expireStepUp();

    for (const [res, operation] of [
      [
        await call("/api/me/passkeys/options", { method: "POST", cookie: person.cookie }),
        "passkeys.add",
      ],
      [
        await call("/api/me/passkeys", { body: { response }, cookie: person.cookie }),
        "passkeys.add",
      ],
    ] as const) {
      const error = await expectError(res, 403, "step_up_required");
      expect(error.issues).toEqual([{ path: "operation", message: operation }]);
    }
    await confirmWithCode(person);
    // The first challenge is past its 5 minutes now: register with a new one.
    const fresh = await auth.createCredential(
      await json<PublicKeyCredentialCreationOptionsJSON>(
        await call("/api/me/passkeys/options", { method: "POST", cookie: person.cookie }),
      ),
      { origin: ORIGIN },
    );
    const { passkey } = await json<{ passkey: { id: string } }>(
      await call("/api/me/passkeys", { body: { response: fresh }, cookie: person.cookie }),
      201,
    );

    expireStepUp();
    const remove = () =>
      call(`/api/me/passkeys/${passkey.id}`, { method: "DELETE", cookie: person.cookie });
    const error = await expectError(await remove(), 403, "step_up_required");
    expect(error.issues).toEqual([{ path: "operation", message: "passkeys.remove" }]);
    await confirmWithCode(person);
    expect((await remove()).status).toBe(200);
  }, 30_000);

  it("changing the email, deleting the account and approving a device sign-in need a recent confirmation", async () => {
    const person = await signUp();
    const newEmail = freshEmail("new");
    // A device code lasts 2 minutes: it is asked for once the sign-in is already too old.
    let phone: Awaited<ReturnType<typeof startDeviceSignIn>> | undefined;
    const attempts: [() => Promise<Response>, StepUpOperationName, number][] = [
      [
        () =>
          call("/api/me/email/change", { body: { new_email: newEmail }, cookie: person.cookie }),
        "account.change_email",
        202,
      ],
      [
        async () => {
          phone ??= await startDeviceSignIn({ ip: freshIp() });
          return call("/api/me/device-sign-ins/approve", {
            body: { code: phone.code },
            cookie: person.cookie,
          });
        },
        "account.approve_device_sign_in",
        200,
      ],
      [() => call("/api/me", { method: "DELETE", cookie: person.cookie }), "account.delete", 200],
    ];
    for (const [attempt, operation, success] of attempts) {
      expireStepUp();
      const error = await expectError(await attempt(), 403, "step_up_required");
      expect(error.issues).toEqual([{ path: "operation", message: operation }]);
      await confirmWithCode(person);
      const res = await attempt();
      expect(res.status, await res.clone().text()).toBe(success);
    }
  }, 30_000);
});
