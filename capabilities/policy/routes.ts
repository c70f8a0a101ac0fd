import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../login-sessions/app-env";
import { validationHook } from "../../platform/http/validation";
import { unwrap } from "../../platform/tenant-stub";
import { actorOf } from "../tenancy/actor";
import type { PolicyRpc } from "./tenant-do/rpc";

import { authorize } from "../tenancy/access";
import {
  listPolicyVersions,
  createPolicyVersion,
  getPolicyVersion,
  activatePolicyVersion,
} from "./contract";

/** The tenant layer of the policy, versioned in the tenant's Durable Object. */
export const policyRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

policyRoutes.openapi(listPolicyVersions, async (c) => {
  const access = authorize(c, "policies.read");
  const policies = unwrap(await access.stub<PolicyRpc>().listPolicies());
  return c.json({ policies }, 200);
});

policyRoutes.openapi(createPolicyVersion, async (c) => {
  const access = authorize(c, "policies.write");
  const { source } = c.req.valid("json");
  const stub = access.stub<PolicyRpc>();
  const policy = unwrap(await stub.createPolicy(source, actorOf(access)));
  return c.json({ policy }, 201);
});

policyRoutes.openapi(getPolicyVersion, async (c) => {
  const access = authorize(c, "policies.read");
  const { v } = c.req.valid("param");
  const policy = unwrap(await access.stub<PolicyRpc>().getPolicy(v));
  return c.json({ policy }, 200);
});

policyRoutes.openapi(activatePolicyVersion, async (c) => {
  const access = authorize(c, "policies.activate");
  const { v } = c.req.valid("param");
  const stub = access.stub<PolicyRpc>();
  const policy = unwrap(await stub.activatePolicy(v, actorOf(access)));
  return c.json({ policy }, 200);
});
