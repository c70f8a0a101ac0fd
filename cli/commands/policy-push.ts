/**
 * gatehouse policy push FILE — store a policy version in the tenant over the API. Activating it
 * is on the step-up list (a person confirms it in the console), so an API token cannot.
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { createPolicyVersion } from "../../capabilities/policy/contract";
import { apiClient, CliError, guarded } from "../api-client";

export function run(args: string[]): Promise<number> {
  return guarded(async () => {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    const [file] = positionals;
    if (!file) {
      process.stderr.write("usage: gatehouse policy push FILE\n");
      return 2;
    }
    const source = await readFile(file, "utf8").catch(() => {
      throw new CliError(`cannot read ${file}`, 2);
    });
    const api = apiClient();
    const t = await api.tenantId();
    const { policy } = await api.call(createPolicyVersion, { params: { t }, body: { source } });
    process.stdout.write(`version ${policy.version} ${policy.bundle_id}\n`);
    process.stderr.write("activate it in the console: a person confirms activations\n");
    return 0;
  });
}
