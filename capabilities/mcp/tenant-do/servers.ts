import { iso, isoOrNull } from "../../../core/time";
import type { AuditLog } from "../../audit/tenant-do/audit-log";
import { fail, ok, type Result } from "../../../platform/result";
import type { Actor } from "../../../platform/tenant-types";
import type { UpstreamTool } from "./upstream-client";
import type { UpstreamServerView } from "../contract";

type ServerRow = {
  name: string;
  url: string;
  credential_secret: string | null;
  timeout_ms: number;
  tools: string;
  tools_at: number | null;
  last_error: string | null;
  created_by: string;
  created_at: number;
  updated_at: number;
};

export interface UpstreamServer {
  name: string;
  url: string;
  credential_secret: string | null;
  timeout_ms: number;
  tools: UpstreamTool[];
  tools_at: number | null;
  last_error: string | null;
}

export type { UpstreamServerView };

export interface ServerInput {
  name: string;
  url: string;
  credential_secret: string | null;
  timeout_ms: number;
}

const MAX_SERVERS = 50;

/** The tenant's registered upstream MCP servers and the tools last seen on each. */
export class UpstreamRegistry {
  constructor(
    private readonly sql: SqlStorage,
    private readonly audit: AuditLog,
  ) {}

  private row(name: string): ServerRow | undefined {
    return this.sql.exec<ServerRow>(`SELECT * FROM mcp_servers WHERE name = ?`, name).toArray()[0];
  }

  private static parse(r: ServerRow): UpstreamServer {
    return {
      name: r.name,
      url: r.url,
      credential_secret: r.credential_secret,
      timeout_ms: r.timeout_ms,
      tools: JSON.parse(r.tools) as UpstreamTool[],
      tools_at: r.tools_at,
      last_error: r.last_error,
    };
  }

  static view(r: ServerRow): UpstreamServerView {
    const s = UpstreamRegistry.parse(r);
    return {
      name: s.name,
      url: s.url,
      transport: "streamable-http",
      credential_secret: s.credential_secret,
      timeout_ms: s.timeout_ms,
      tools: s.tools.map((t) => ({ name: t.name, description: t.description })),
      tools_seen_at: isoOrNull(s.tools_at),
      last_error: s.last_error,
      created_at: iso(r.created_at),
      updated_at: iso(r.updated_at),
    };
  }

  get(name: string): UpstreamServer | null {
    const r = this.row(name);
    return r ? UpstreamRegistry.parse(r) : null;
  }

  all(): UpstreamServer[] {
    return this.sql
      .exec<ServerRow>(`SELECT * FROM mcp_servers ORDER BY name`)
      .toArray()
      .map((r) => UpstreamRegistry.parse(r));
  }

  list(): UpstreamServerView[] {
    return this.sql
      .exec<ServerRow>(`SELECT * FROM mcp_servers ORDER BY name`)
      .toArray()
      .map((r) => UpstreamRegistry.view(r));
  }

  viewOf(name: string): Result<UpstreamServerView> {
    const r = this.row(name);
    return r ? ok(UpstreamRegistry.view(r)) : fail("not_found", "No such upstream server.");
  }

  put(input: ServerInput, actor: Actor, now: number): Result<{ created: boolean }> {
    const existing = this.row(input.name);
    if (!existing) {
      const count = this.sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM mcp_servers`).one().n;
      if (count >= MAX_SERVERS)
        return fail("too_many_servers", `At most ${MAX_SERVERS} upstream servers.`);
    }
    this.audit.atomically(() => {
      this.sql.exec(
        `INSERT INTO mcp_servers (name, url, credential_secret, timeout_ms, created_by, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
         ON CONFLICT(name) DO UPDATE SET url = ?2, credential_secret = ?3, timeout_ms = ?4,
           updated_at = ?6, tools = CASE WHEN url = ?2 THEN tools ELSE '[]' END,
           tools_at = CASE WHEN url = ?2 THEN tools_at ELSE NULL END`,
        input.name,
        input.url,
        input.credential_secret,
        input.timeout_ms,
        JSON.stringify(actor),
        now,
      );
      this.audit.append({
        type: existing ? "mcp.server_updated" : "mcp.server_added",
        runId: null,
        stepId: null,
        actor,
        data: {
          name: input.name,
          url: input.url,
          credential_secret: input.credential_secret,
          timeout_ms: input.timeout_ms,
        },
        now,
      });
    });
    return ok({ created: !existing });
  }

  remove(name: string, actor: Actor, now: number): Result<null> {
    if (!this.row(name)) return fail("not_found", "No such upstream server.");
    this.audit.atomically(() => {
      this.sql.exec(`DELETE FROM mcp_servers WHERE name = ?`, name);
      this.audit.append({
        type: "mcp.server_removed",
        runId: null,
        stepId: null,
        actor,
        data: { name },
        now,
      });
    });
    return ok(null);
  }

  recordTools(name: string, tools: UpstreamTool[], now: number): void {
    this.sql.exec(
      `UPDATE mcp_servers SET tools = ?, tools_at = ?, last_error = NULL WHERE name = ?`,
      JSON.stringify(tools),
      now,
      name,
    );
  }

  recordError(name: string, message: string): void {
    this.sql.exec(`UPDATE mcp_servers SET last_error = ? WHERE name = ?`, message, name);
  }
}
