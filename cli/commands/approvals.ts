/** gatehouse approvals · gatehouse approve ID [--deny] [--reason TEXT] */
import { parseArgs } from "node:util";
import { decideApproval, listApprovals } from "../../capabilities/runs/contract";
import { apiClient, guarded, table } from "../api-client";

export function run(args: string[]): Promise<number> {
  return guarded(async () => {
    const { values } = parseArgs({ args, options: { all: { type: "boolean", default: false } } });
    const api = apiClient();
    const t = await api.tenantId();
    const { approvals } = await api.call(listApprovals, {
      params: { t },
      query: { status: values.all ? "all" : "pending" },
    });
    process.stdout.write(
      table([
        ["APPROVAL", "TOOL", "RUN", "APPROVERS", "STATUS", "EXPIRES"],
        ...approvals.map((a) => [
          a.id,
          a.tool,
          a.run_id,
          a.approvers.join(",") || "-",
          a.status,
          a.expires_at,
        ]),
      ]),
    );
    return 0;
  });
}

export function approve(args: string[]): Promise<number> {
  return guarded(async () => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { deny: { type: "boolean", default: false }, reason: { type: "string" } },
    });
    const [id] = positionals;
    if (!id) {
      process.stderr.write("usage: gatehouse approve ID [--deny] [--reason TEXT]\n");
      return 2;
    }
    const api = apiClient();
    const t = await api.tenantId();
    const decision = values.deny ? "deny" : "approve";
    const { approval } = await api.call(decideApproval, {
      params: { t, a: id },
      body: { decision, reason: values.reason ?? `${decision}d from the gatehouse CLI` },
    });
    process.stdout.write(`${approval.id} ${approval.status}\n`);
    return 0;
  });
}
