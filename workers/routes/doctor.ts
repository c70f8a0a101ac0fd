import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { runDoctor, type CheckStatus } from "../doctor";
import { errors } from "../http/errors";
import type { AppEnv } from "../http/context";
import { validationHook } from "../http/validation";
import { errorResponses, json } from "../schemas/common";

export const doctorRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const Check = z.object({
  id: z.string(),
  status: z.enum(["ok", "warn", "error"]),
  message: z.string(),
});

doctorRoutes.openapi(
  createRoute({
    method: "get",
    path: "/api/doctor",
    tags: ["ops"],
    summary: "Risky or missing settings (names only, never values)",
    responses: {
      200: json(z.object({ status: z.enum(["ok", "warn", "error"]), checks: z.array(Check) })),
      ...errorResponses,
    },
  }),
  async (c) => {
    if (!c.var.principal) throw errors.unauthenticated();
    const checks = await runDoctor(c.env, c.var.config);
    const worst = (level: CheckStatus) => checks.some((x) => x.status === level);
    const status: CheckStatus = worst("error") ? "error" : worst("warn") ? "warn" : "ok";
    return c.json({ status, checks }, 200);
  },
);
