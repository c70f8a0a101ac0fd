import { importCheckpointSigner } from "../../core/audit";
import { parseKekRing } from "../../core/vault";
import type { Config } from "../../platform/config";
import type { Env } from "../../platform/env";

export type CheckStatus = "ok" | "warn" | "error";
export interface Check {
  id: string;
  status: CheckStatus;
  message: string;
}

/**
 * Reports risky or missing settings by name, never by value. `loadConfig` already refuses a
 * configuration that cannot work; these are the settings that work but should not be shipped.
 */
export async function runDoctor(env: Env, config: Config): Promise<Check[]> {
  const production = config.environment === "production";
  const checks: Check[] = [
    {
      id: "environment",
      status: "ok",
      message: `ENVIRONMENT is ${config.environment}.`,
    },
  ];
  const insecure = config.origins.filter((o) => !o.startsWith("https://"));
  checks.push(
    insecure.length === 0
      ? {
          id: "origins",
          status: "ok",
          message: `${config.origins.length} allowed origin(s), all https.`,
        }
      : {
          id: "origins",
          status: production ? "error" : "warn",
          message: `Not https: ${insecure.join(", ")}.`,
        },
  );
  const hosts = config.origins.map((o) => new URL(o).hostname);
  const rpMatches = hosts.every((h) => h === config.rpId || h.endsWith(`.${config.rpId}`));
  checks.push({
    id: "rp_id",
    status: rpMatches ? "ok" : "error",
    message: rpMatches
      ? `RP_ID ${config.rpId} covers every origin.`
      : `RP_ID ${config.rpId} is not the host (or a parent domain) of every origin: passkeys will fail.`,
  });
  checks.push(
    config.resendApiKey
      ? { id: "mail", status: "ok", message: "Mail is sent through Resend." }
      : {
          id: "mail",
          status: production ? "error" : "warn",
          message: "RESEND_API_KEY is not set: mail goes to the development outbox.",
        },
  );
  const ring = parseKekRing(env.VAULT_KEKS ?? "");
  checks.push(
    ring.ok
      ? {
          id: "vault_keks",
          status: "ok",
          message: `Active KEK ${ring.ring.active.id}; ${ring.ring.rest.length} older key(s) kept for rewrapping.`,
        }
      : { id: "vault_keks", status: "error", message: ring.error },
  );
  try {
    const signer = env.SIGNING_KEY ? await importCheckpointSigner(env.SIGNING_KEY) : null;
    checks.push(
      signer
        ? {
            id: "signing_key",
            status: "ok",
            message: `Audit checkpoints are signed with key ${signer.kid}.`,
          }
        : {
            id: "signing_key",
            status: "error",
            message: "SIGNING_KEY is not set: checkpoints cannot be signed.",
          },
    );
  } catch (e) {
    checks.push({ id: "signing_key", status: "error", message: (e as Error).message });
  }
  if (env.OPERATOR_TOKEN) {
    checks.push({
      id: "operator_token",
      status: production ? "warn" : "ok",
      message:
        "OPERATOR_TOKEN is set: /api/operator is enabled; keep it in a secret manager and rotate it.",
    });
  }
  if (!production && config.resendBaseUrl !== "https://api.resend.com") {
    checks.push({
      id: "resend_base_url",
      status: "ok",
      message: "RESEND_BASE_URL points at a custom server.",
    });
  }
  return checks;
}
