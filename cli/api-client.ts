/** The HTTP side of the CLI: GATEHOUSE_URL + GATEHOUSE_TOKEN (an API token, `gth_…`). */

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export interface ApiClient {
  baseUrl: string;
  tenantId(): Promise<string>;
  request(method: string, path: string, body?: unknown): Promise<Response>;
  json<T>(method: string, path: string, body?: unknown): Promise<T>;
}

export function apiClient(env: NodeJS.ProcessEnv = process.env): ApiClient {
  const baseUrl = env.GATEHOUSE_URL?.replace(/\/+$/, "");
  const token = env.GATEHOUSE_TOKEN;
  if (!baseUrl) throw new CliError("Set GATEHOUSE_URL (e.g. http://localhost:8787).", 2);
  if (!token) throw new CliError("Set GATEHOUSE_TOKEN to an API token (gth_…).", 2);
  let tenant: Promise<string> | undefined = env.GATEHOUSE_TENANT
    ? Promise.resolve(env.GATEHOUSE_TENANT)
    : undefined;

  const request = async (method: string, path: string, body?: unknown) => {
    try {
      return await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (e) {
      throw new CliError(`cannot reach ${baseUrl}: ${(e as Error).message}`);
    }
  };

  const json = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await request(method, path, body);
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new CliError(`${method} ${path}: ${res.status} (not JSON)`);
    }
    if (!res.ok) {
      const err = (
        parsed as {
          error?: { code?: string; message?: string; issues?: { path: string; message: string }[] };
        }
      ).error;
      const issues = (err?.issues ?? []).map((i) => `\n  ${i.path}: ${i.message}`).join("");
      throw new CliError(`${err?.code ?? res.status}: ${err?.message ?? res.statusText}${issues}`);
    }
    return parsed as T;
  };

  return {
    baseUrl,
    request,
    json,
    tenantId() {
      tenant ??= json<{ tenant_id: string | null }>("GET", "/api/whoami").then((w) => {
        if (!w.tenant_id) throw new CliError("This token has no tenant; set GATEHOUSE_TENANT.", 2);
        return w.tenant_id;
      });
      return tenant;
    },
  };
}

/** Runs a command body, turning CliError into a message and its exit code. */
export async function guarded(body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(`gatehouse: ${e.message}\n`);
      return e.exitCode;
    }
    throw e;
  }
}

export function table(rows: string[][]): string {
  if (rows.length === 0) return "";
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return (
    rows
      .map((r) =>
        r
          .map((cell, i) => cell.padEnd(widths[i]!))
          .join("  ")
          .trimEnd(),
      )
      .join("\n") + "\n"
  );
}
