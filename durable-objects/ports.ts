import { askGuard, guardName } from "../core/untrusted";
import { upstreamLoopbackAllowed } from "../core/mcp/upstream-egress";
import type { ToolPorts } from "../capabilities/agent-sessions/tenant-do/tools/types";
import { callModel } from "../capabilities/providers/call-model";
import type { ModelPort } from "../capabilities/providers/model-port";
import { VaultSession } from "../capabilities/vault/resolve";
import type { VaultPort } from "../capabilities/vault/vault-port";
import { clock } from "../platform/clock";
import { loadConfig } from "../platform/config";
import type { Env } from "../platform/env";
import { mailTransport } from "../platform/mail/transport";
import type { ClockPort, D1Port, FetchPort, MailerPort, TenantSettings } from "../platform/ports";

/** Everything the tenant object's parts reach outside it through; each part takes a few. */
export interface TenantPorts {
  clock: ClockPort;
  db: D1Port;
  fetch: FetchPort;
  vault: VaultPort;
  model: ModelPort;
  mailer: MailerPort;
  /** The ports of the built-in tools (hosted sessions and the MCP gateway run them). */
  tools: ToolPorts;
  settings: TenantSettings;
}

/**
 * The production ports, built from the bindings once per object: the only place below the
 * Worker that reads `env` for the object's parts. `tenantId` is the object's own name.
 */
export function ports(env: Env, tenantId: () => string): TenantPorts {
  // Looked up at call time, so an outbound mock installed by a test applies.
  const fetchPort: FetchPort = (input, init) => fetch(input, init);
  const vault: VaultPort = {
    open: (onUse) => VaultSession.open(env, tenantId(), onUse),
    async matcher() {
      const session = await VaultSession.open(env, tenantId());
      try {
        await session.rememberAll();
        return session.matcher();
      } finally {
        session.close();
      }
    },
  };
  const mailer: MailerPort = {
    send: (mail) => mailTransport(loadConfig(env), env.DB).send(mail),
  };
  const guard = guardName(env.INJECTION_GUARD);
  const ai = env.AI;
  return {
    clock,
    db: env.DB,
    fetch: fetchPort,
    vault,
    model: { call: (config, apiKey, request, opts) => callModel(config, apiKey, request, opts) },
    mailer,
    tools: {
      db: env.DB,
      mailer,
      fetch: fetchPort,
      guard: (text) => (guard && ai ? askGuard(ai, guard, text) : Promise.resolve(null)),
    },
    settings: {
      publicOrigin: (env.ORIGINS ?? "").split(",")[0]?.trim() ?? "",
      signingKey: env.SIGNING_KEY,
      authPepper: env.AUTH_PEPPER ?? "",
      mcpUpstreamLoopback: upstreamLoopbackAllowed(env),
    },
  };
}
