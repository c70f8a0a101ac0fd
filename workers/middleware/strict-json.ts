import { createMiddleware } from "hono/factory";
import { decodeUtf8Strict, ijsonProblem } from "../../core/ijson";
import { ApiError } from "../../platform/http/errors";
import type { AppEnv } from "../../capabilities/login-sessions/app-env";

/**
 * JSON bodies must be I-JSON (RFC 7493; RFC 8785 §3.1): well-formed UTF-8, no duplicate member
 * names, no lone surrogates. What a route accepts may end up hashed in the audit log or signed,
 * and two readers must never see two meanings in it. Checked once, before any route parses it;
 * the route then reads the same cached bytes.
 */
export const strictJson = createMiddleware<AppEnv>(async (c, next) => {
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(c.req.header("content-type") ?? "")) return next();
  // MCP and OAuth answer malformed input in their own protocols' error formats.
  if (/^\/(mcp|oauth)\//.test(c.req.path)) return next();
  // A clone, so a handler that passes the raw request on (the MCP transport) can still read it.
  const bytes = new Uint8Array(await c.req.raw.clone().arrayBuffer());
  if (bytes.length === 0) return next();
  const text = decodeUtf8Strict(bytes);
  if (text === null)
    throw new ApiError(400, "invalid_json", "The request body is not valid UTF-8.", [
      { path: "", message: "not valid UTF-8" },
    ]);
  const problem = ijsonProblem(text.replace(/^\uFEFF/, ""));
  if (problem)
    throw new ApiError(
      400,
      problem.message === "not valid JSON" ? "invalid_json" : "invalid_request",
      problem.message === "not valid JSON"
        ? "The request body is not valid JSON."
        : "The request body is not I-JSON (RFC 7493).",
      [problem],
    );
  return next();
});
