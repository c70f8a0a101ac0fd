/** The HTTP side of the CLI: GATEHOUSE_URL + GATEHOUSE_TOKEN (an API token, `gth_…`). */
import { whoami } from "../capabilities/account/contract";
import { apiClient as typedClient, type ApiClient, type ApiError } from "../core/contract/client";

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** The typed client (core/contract/client.ts) with the CLI's token, its tenant and its errors. */
export interface CliApi extends Pick<ApiClient, "call" | "send" | "url"> {
  baseUrl: string;
  tenantId(): Promise<string>;
}

/** An API failure as one line for the terminal: `code: message`, then each issue. */
function cliError(error: ApiError, baseUrl: string): CliError {
  if (error.code === "network_error") {
    const cause = error.cause instanceof Error ? error.cause.message : String(error.cause);
    return new CliError(`cannot reach ${baseUrl}: ${cause}`);
  }
  const issues = error.issues.map((i) => `\n  ${i.path}: ${i.message}`).join("");
  return new CliError(`${error.code}: ${error.message}${issues}`);
}

export function apiClient(env: NodeJS.ProcessEnv = process.env): CliApi {
  const baseUrl = env.GATEHOUSE_URL?.replace(/\/+$/, "");
  const token = env.GATEHOUSE_TOKEN;
  if (!baseUrl) throw new CliError("Set GATEHOUSE_URL (e.g. http://localhost:8787).", 2);
  if (!token) throw new CliError("Set GATEHOUSE_TOKEN to an API token (gth_…).", 2);
  let tenant: Promise<string> | undefined = env.GATEHOUSE_TENANT
    ? Promise.resolve(env.GATEHOUSE_TENANT)
    : undefined;

  const client = typedClient({
    fetch: (url, init) => fetch(url, init),
    baseUrl,
    headers: { authorization: `Bearer ${token}` },
    now: () => Date.now(),
    onError: (error) => {
      throw cliError(error, baseUrl);
    },
  });

  return {
    ...client,
    baseUrl,
    tenantId() {
      tenant ??= client.call(whoami).then((w) => {
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
