/** gatehouse runs [--limit N] · gatehouse trace RUN — runs and their step traces over the API. */
import { parseArgs } from "node:util";
import { apiClient, guarded, table } from "../api-client";

interface Run {
  id: string;
  agent: string;
  status: string;
  created_at: string;
  step_count: number;
}
interface Step {
  seq: number;
  tool: string;
  verdict: string;
  rule_id: string | null;
  status: string;
  reason: string;
}

export function run(args: string[]): Promise<number> {
  return guarded(async () => {
    const { values } = parseArgs({ args, options: { limit: { type: "string", default: "20" } } });
    const api = apiClient();
    const t = await api.tenantId();
    const { runs } = await api.json<{ runs: Run[] }>(
      "GET",
      `/api/tenants/${t}/runs?limit=${Number(values.limit)}`,
    );
    process.stdout.write(
      table([
        ["RUN", "AGENT", "STATUS", "STEPS", "CREATED"],
        ...runs.map((r) => [r.id, r.agent, r.status, String(r.step_count), r.created_at]),
      ]),
    );
    return 0;
  });
}

export function trace(args: string[]): Promise<number> {
  return guarded(async () => {
    const [runId] = args;
    if (!runId) {
      process.stderr.write("usage: gatehouse trace RUN\n");
      return 2;
    }
    const api = apiClient();
    const t = await api.tenantId();
    const path = `/api/tenants/${t}/runs/${encodeURIComponent(runId)}?limit=500`;
    type Page = Run & { steps: Step[]; resume_at: number | null; next_cursor: string | null };
    const { run } = await api.json<{ run: Page }>("GET", path);
    // The trace comes in pages: follow the cursor to the last step.
    for (let cursor = run.next_cursor; cursor !== null;) {
      const next = await api.json<{ run: Page }>("GET", `${path}&cursor=${cursor}`);
      run.steps.push(...next.run.steps);
      cursor = next.run.next_cursor;
    }
    process.stdout.write(
      `${run.id}  ${run.agent}  ${run.status}  resume at: ${run.resume_at ?? "-"}\n`,
    );
    process.stdout.write(
      table([
        ["SEQ", "TOOL", "VERDICT", "STATUS", "RULE", "REASON"],
        ...run.steps.map((s) => [
          String(s.seq),
          s.tool,
          s.verdict,
          s.status,
          s.rule_id ?? "-",
          s.reason,
        ]),
      ]),
    );
    return 0;
  });
}
