/** gatehouse doctor — reachability, credentials and the server's own settings check. */
import { apiClient, guarded } from "../api-client";

const MARK = { ok: "ok  ", warn: "WARN", error: "FAIL" } as const;

export function run(): Promise<number> {
  return guarded(async () => {
    const api = apiClient();
    const lines: string[] = [];
    let failed = false;
    const health = await api.request("GET", "/health");
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
    const who = await api.json<{ kind: string; tenant_id: string | null; role: string | null }>(
      "GET",
      "/api/whoami",
    );
    lines.push(
      `${MARK.ok} token accepted (${who.kind}${who.role ? `, role ${who.role}` : ""}, tenant ${who.tenant_id ?? "-"})`,
    );
    const report = await api.json<{
      checks: { id: string; status: keyof typeof MARK; message: string }[];
    }>("GET", "/api/doctor");
    for (const check of report.checks) {
      if (check.status === "error") failed = true;
      lines.push(`${MARK[check.status]} ${check.id}: ${check.message}`);
    }
    process.stdout.write(`${lines.join("\n")}\n`);
    return failed ? 1 : 0;
  });
}
