/** gatehouse audit export [--out FILE] — the tenant's audit log as verifiable JSONL. */
import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { exportAudit } from "../../capabilities/audit/contract";
import { apiClient, CliError, guarded } from "../api-client";

export function run(args: string[]): Promise<number> {
  return guarded(async () => {
    const { values } = parseArgs({ args, options: { out: { type: "string" } } });
    const api = apiClient();
    const t = await api.tenantId();
    const res = await api.send(exportAudit, { params: { t } }, { accept: "*/*" });
    if (!res.body) throw new CliError("export failed: the answer has no body");
    const source = Readable.fromWeb(res.body as never);
    if (values.out) {
      await pipeline(source, createWriteStream(values.out));
      process.stderr.write(`wrote ${values.out}\n`);
    } else {
      await pipeline(source, process.stdout);
    }
    return 0;
  });
}
