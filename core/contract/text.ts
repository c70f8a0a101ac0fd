import { z } from "@hono/zod-openapi";
import { findIllFormed, HIDDEN_CHARACTERS } from "../text";

/**
 * The one refinement every request input passes (the shared validation hook applies it to the
 * parsed body, query and params of every route): each string and key is well-formed Unicode.
 */
export const WellFormedInput = z.unknown().superRefine((value, ctx) => {
  const path = findIllFormed(value);
  if (path) {
    ctx.addIssue({
      code: "custom",
      path,
      message: "The text is not well-formed Unicode (it holds a lone surrogate).",
    });
  }
});

/**
 * A name others will see (tenant, token, passkey, run, session): trimmed, NFC, and free of NUL,
 * control, invisible and bidirectional-override characters.
 */
export const DisplayName = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `Name the ${what}.`)
    .max(max, `Keep the ${what} name under ${max} characters.`)
    .refine((s) => !HIDDEN_CHARACTERS.test(s), {
      message: "The name contains control, invisible or bidirectional characters.",
    })
    .transform((s) => s.normalize("NFC"));
