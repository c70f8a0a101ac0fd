import type { JsonObject } from "../../../platform/tenant-types";

/** MCP tool annotations (hints the tool's own server gives; untrusted, see README "MCP"). */
export interface ToolAnnotations {
  title?: string;
  readOnlyHint?: boolean;
  destructiveHint?: boolean;
  idempotentHint?: boolean;
  openWorldHint?: boolean;
}

/**
 * An upstream tool's annotations as the policy's `declared.*`. Per the MCP spec the defaults
 * are the cautious ones: not read-only, destructive, open world. `has_shadow` is false: Gatehouse
 * cannot preview an upstream tool, so `on_missing_shadow` applies to it.
 */
export function declaredFromAnnotations(server: string, a: ToolAnnotations = {}): JsonObject {
  const readOnly = a.readOnlyHint === true;
  const destructive = !readOnly && a.destructiveHint !== false;
  const openWorld = a.openWorldHint !== false;
  return {
    scope: [readOnly ? "mcp:read" : "mcp:write", ...(openWorld ? ["network:egress"] : [])],
    reversible: readOnly || !destructive,
    destructive,
    idempotent: readOnly || a.idempotentHint === true,
    open_world: openWorld,
    has_shadow: false,
    mcp_server: server,
  };
}

/** Built-in tools' `declared` scopes as MCP annotations for tools/list. */
export function annotationsFromDeclared(declared: {
  reversible?: boolean;
  scope?: string[];
}): ToolAnnotations {
  const readOnly = (declared.scope ?? []).every((s) => s.endsWith(":read"));
  return {
    readOnlyHint: readOnly,
    destructiveHint: declared.reversible === false,
    openWorldHint: (declared.scope ?? []).includes("network:egress"),
  };
}
