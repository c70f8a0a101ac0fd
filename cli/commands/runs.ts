/** gatehouse runs [--limit N] · gatehouse trace RUN — runs and their step traces over the API. */
import { parseArgs } from "node:util";
import { getRun, listRuns } from "../../capabilities/runs/contract";
import { apiClient, guarded, table } from "../api-client";

export function run(args: string[]): Promise<number> {
  return guarded(async () => {
    const { values } = parseArgs({ args, options: { limit: { type: "string", default: "20" } } });
    const api = apiClient();
    const t = await api.tenantId();
    const { runs } = await api.call(listRuns, {
      params: { t },
      query: { limit: Number(values.limit) },
    });
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
    const page = (cursor?: string) =>
      api.call(getRun, { params: { t, r: runId }, query: { limit: 500, cursor } });
    const { run } = await page();
    // The trace comes in pages: follow the cursor to the last step.
    for (let cursor = run.next_cursor; cursor !== null;) {
      const next = await page(cursor);
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
