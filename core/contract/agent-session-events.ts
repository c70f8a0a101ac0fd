import { z } from "@hono/zod-openapi";
import { VERDICTS } from "../policy/types";
import { IsoTime } from "./common";
import { JsonObjectSchema } from "./json";

// The agent-session event union lives in core (not in capabilities/agent-sessions/contract.ts)
// because the console validates socket frames with it at run time, and the console's build gives
// the browser only the route tables of the capabilities' contracts.

export const SessionStatus = z.enum(["idle", "running", "waiting_approval", "error", "cancelled"]);
export type SessionStatus = z.output<typeof SessionStatus>;

/** Every stored event carries its place in the session's timeline: `seq` counts from 1. */
const Stamp = { seq: z.number().int().min(1), at: IsoTime };

/**
 * A stored event of a session's timeline, as the events route answers it and the socket pushes
 * it. One member per `type`; a newer server may add types (clients ignore what they do not know).
 */
export const AgentSessionEvent = z
  .discriminatedUnion("type", [
    z.object({ ...Stamp, type: z.literal("user_message"), content: z.string() }),
    z.object({
      ...Stamp,
      type: z.literal("model_message"),
      text: z.string(),
      tool_calls: z.array(z.object({ id: z.string(), name: z.string(), input: JsonObjectSchema })),
      stop_reason: z.string(),
    }),
    z.object({
      ...Stamp,
      type: z.literal("tool_call"),
      step_id: z.string(),
      tool: z.string(),
      args: JsonObjectSchema,
      verdict: z.enum(VERDICTS),
      rule_id: z.string().nullable(),
      reason: z.string(),
    }),
    z.object({
      ...Stamp,
      type: z.literal("approval_needed"),
      step_id: z.string(),
      approval_id: z.string(),
      tool: z.string(),
    }),
    z.object({
      ...Stamp,
      type: z.literal("tool_result"),
      tool: z.string(),
      /** Absent on events stored before they were recorded. */
      tool_call_id: z.string().optional(),
      step_id: z.string().nullable().optional(),
      is_error: z.boolean(),
      summary: z.string(),
    }),
    z.object({ ...Stamp, type: z.literal("warning"), step_id: z.string(), message: z.string() }),
    z.object({ ...Stamp, type: z.literal("anomaly"), kind: z.string(), detail: z.string() }),
    z.object({
      ...Stamp,
      type: z.literal("model_error"),
      kind: z.string(),
      message: z.string(),
      /** When the next attempt runs, if the error is retried. */
      retry_at: IsoTime.optional(),
    }),
    z.object({
      ...Stamp,
      type: z.literal("status"),
      status: SessionStatus,
      error: z.string().optional(),
    }),
  ])
  .openapi("AgentSessionEvent");
export type AgentSessionEvent = z.output<typeof AgentSessionEvent>;
export type AgentSessionEventType = AgentSessionEvent["type"];

/** What the Durable Object emits: an event before it is numbered and timed. */
export type AgentSessionEventBody = AgentSessionEvent extends infer E
  ? E extends unknown
    ? Omit<E, "seq" | "at">
    : never
  : never;

/** Streamed model text: pushed on the socket only, never stored, no `seq`. */
export const ModelDelta = z.object({ type: z.literal("model_delta"), text: z.string() });
export type ModelDelta = z.output<typeof ModelDelta>;

/** One message of the live event socket (besides the `pong` heartbeat). */
export const AgentSessionStreamItem = z.discriminatedUnion("type", [AgentSessionEvent, ModelDelta]);
export type AgentSessionStreamItem = z.output<typeof AgentSessionStreamItem>;
