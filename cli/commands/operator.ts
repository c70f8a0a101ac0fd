/**
 * gatehouse operator vault-status · gatehouse operator rewrap [--batch N]
 * Platform operations with GATEHOUSE_OPERATOR_TOKEN (the server's OPERATOR_TOKEN): after putting a
 * new KEK first in VAULT_KEKS, rewrap every tenant's DEKs under it, resumably, batch by batch.
 */
import { parseArgs } from "node:util";
import { getOperatorVaultStatus, rewrapOperatorVault } from "../../capabilities/operator/contract";
import { apiClient, CliError, guarded } from "../api-client";

function operatorClient() {
  const token = process.env.GATEHOUSE_OPERATOR_TOKEN;
  if (!token) throw new CliError("Set GATEHOUSE_OPERATOR_TOKEN to the server's OPERATOR_TOKEN.", 2);
  return apiClient({ ...process.env, GATEHOUSE_TOKEN: token });
}

export function run(args: string[]): Promise<number> {
  return guarded(async () => {
    const [command, ...rest] = args;
    if (command === "vault-status") {
      const status = await operatorClient().call(getOperatorVaultStatus);
      process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
      return 0;
    }
    if (command === "rewrap") {
      const { values } = parseArgs({
        args: rest,
        options: { batch: { type: "string", default: "100" } },
      });
      const api = operatorClient();
      let total = 0;
      for (;;) {
        const result = await api.call(rewrapOperatorVault, {
          body: { limit: Number(values.batch) },
        });
        total += result.rewrapped;
        process.stderr.write(`rewrapped ${total}, remaining ${result.remaining}\n`);
        if (result.failed.length > 0) {
          const list = result.failed.map(
            (f) => `${f.tenant_id} v${f.version} (kek ${f.kek_id ?? "?"})`,
          );
          throw new CliError(
            `could not rewrap: ${list.join(", ")} — is the old KEK still in VAULT_KEKS?`,
          );
        }
        if (result.status === "complete") {
          process.stdout.write(`complete: every DEK is wrapped by ${result.active_kek}\n`);
          return 0;
        }
        if (result.rewrapped === 0) throw new CliError("no progress; stopping");
      }
    }
    process.stderr.write("usage: gatehouse operator vault-status | rewrap [--batch N]\n");
    return 2;
  });
}
