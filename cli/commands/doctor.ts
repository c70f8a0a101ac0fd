/** gatehouse doctor — reachability, credentials and the server's own settings check. */
import { whoami } from "../../capabilities/account/contract";
import { getDoctor, getHealth } from "../../capabilities/operator/contract";
import { apiClient, CliError, guarded } from "../api-client";

const MARK = { ok: "ok  ", warn: "WARN", error: "FAIL" } as const;

export function run(): Promise<number> {
  return guarded(async () => {
    const api = apiClient();
    const lines: string[] = [];
    let failed = false;
    // Read even when it is a 503: its body says what is wrong.
    const health = await fetch(api.url(getHealth)).catch((e: unknown) => {
      throw new CliError(`cannot reach ${api.baseUrl}: ${(e as Error).message}`);
    });
    const healthBody = (await health.json().catch(() => ({}))) as {
      status?: string;
      problems?: string[];
    };
    if (health.ok) lines.push(`${MARK.ok} server ${api.baseUrl} is up`);
    else {
      failed = true;
      lines.push(
        `${MARK.error} server ${api.baseUrl}: ${healthBody.status ?? health.status} ${(healthBody.problems ?? []).join("; ")}`,
      );
    }
    const who = await api.call(whoami);
    lines.push(
      `${MARK.ok} token accepted (${who.kind}${who.role ? `, role ${who.role}` : ""}, tenant ${who.tenant_id ?? "-"})`,
    );
    const report = await api.call(getDoctor);
    for (const check of report.checks) {
      if (check.status === "error") failed = true;
      lines.push(`${MARK[check.status]} ${check.id}: ${check.message}`);
    }
    process.stdout.write(`${lines.join("\n")}\n`);
    return failed ? 1 : 0;
  });
}
