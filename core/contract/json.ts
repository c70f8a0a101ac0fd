import { z } from "@hono/zod-openapi";
import type { JsonObject, JsonValue } from "../policy/types";
import { Json } from "./common";

export type { JsonArray, JsonObject, JsonValue } from "../policy/types";

/**
 * `Json` with its TypeScript type: what a route or the Durable Object holds is parsed JSON.
 * Described rather than modelled (a recursive schema overflows the OpenAPI generator), so the
 * type is asserted here, once.
 */
export const JsonValueSchema = Json as unknown as z.ZodType<JsonValue>;

/** A JSON object (arguments, metadata, previews), typed like `JsonValueSchema`. */
export const JsonObjectSchema = z.record(z.string(), Json) as unknown as z.ZodType<JsonObject>;

/**
 * A modelled object schema whose output is used as a JSON object: its optional keys are absent,
 * never `undefined`, after parsing, which TypeScript cannot see.
 */
export const asJsonObject = <T extends z.ZodType>(schema: T) =>
  schema as unknown as z.ZodType<JsonObject, z.input<T>>;
