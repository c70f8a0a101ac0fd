/** gatehouse policy push FILE [--activate] — store a policy version in the tenant over the API. */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { apiClient, CliError, guarded } from "../api-client";

export function run(args: string[]): Promise<number> {
  return guarded(async () => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { activate: { type: "boolean", default: false } },
    });
    const [file] = positionals;
    if (!file) {
      process.stderr.write("usage: gatehouse policy push FILE [--activate]\n");
      return 2;
    }
    const source = await readFile(file, "utf8").catch(() => {
      throw new CliError(`cannot read ${file}`, 2);
    });
    const api = apiClient();
    const t = await api.tenantId();
    const { policy } = await api.json<{ policy: { version: number; bundle_id: string } }>(
      "POST",
      `/api/tenants/${t}/policies`,
      { source },
    );
    process.stdout.write(`version ${policy.version} ${policy.bundle_id}\n`);
    if (values.activate) {
      await api.json("POST", `/api/tenants/${t}/policies/${policy.version}/activate`);
      process.stdout.write(`activated version ${policy.version}\n`);
    }
    return 0;
  });
}
