import { z } from "@hono/zod-openapi";

/** Who did something, as recorded in the audit log and on runs, steps, approvals, sessions. */
export const Actor = z
  .object({
    kind: z.enum(["user", "token", "agent", "system"]),
    id: z.string(),
    /** The member's role in this tenant (people and API tokens). */
    role: z.string().optional(),
    /** The member's email (people), for approver lists that name addresses. */
    email: z.string().optional(),
  })
  .openapi("Actor");
export type Actor = z.output<typeof Actor>;
