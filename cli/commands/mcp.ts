/**
 * gatehouse mcp servers [add NAME URL [--secret NAME] | test NAME | rm NAME]
 * gatehouse mcp grants [revoke ID]
 */
import { parseArgs } from "node:util";
import {
  deleteMcpGrant,
  deleteMcpServer,
  listMcpGrants,
  listMcpServers,
  putMcpServer,
  testMcpServer,
} from "../../capabilities/mcp/contract";
import type { CallOutput } from "../../core/contract/client";
import { apiClient, CliError, guarded, table } from "../api-client";

type Server = CallOutput<typeof listMcpServers>["servers"][number];

const USAGE =
  "usage: gatehouse mcp servers [add NAME URL [--secret NAME] | test NAME | rm NAME] · gatehouse mcp grants [revoke ID]";

function serverTable(servers: Server[]): string {
  return table([
    ["SERVER", "URL", "CREDENTIAL", "TOOLS", "STATUS"],
    ...servers.map((s) => [
      s.name,
      s.url,
      s.credential_secret ?? "-",
      String(s.tools.length),
      s.last_error ? `failing: ${s.last_error}` : "ok",
    ]),
  ]);
}

async function servers(args: string[]): Promise<number> {
  const api = apiClient();
  const t = await api.tenantId();
  const [action, name, url] = args;
  if (action === undefined) {
    const { servers } = await api.call(listMcpServers, { params: { t } });
    process.stdout.write(serverTable(servers));
    return 0;
  }
  if (!name) throw new CliError(USAGE, 2);
  const params = { t, name };
  if (action === "add") {
    const { values } = parseArgs({ args: args.slice(3), options: { secret: { type: "string" } } });
    if (!url) throw new CliError(USAGE, 2);
    const { server } = await api.call(putMcpServer, {
      params,
      body: { url, credential_secret: values.secret ?? null },
    });
    process.stdout.write(serverTable([server]));
    return server.last_error ? 1 : 0;
  }
  if (action === "test") {
    const { server } = await api.call(testMcpServer, { params });
    process.stdout.write(serverTable([server]));
    return server.last_error ? 1 : 0;
  }
  if (action === "rm") {
    await api.call(deleteMcpServer, { params });
    process.stdout.write(`removed ${name}\n`);
    return 0;
  }
  throw new CliError(USAGE, 2);
}

async function grants(args: string[]): Promise<number> {
  const api = apiClient();
  const t = await api.tenantId();
  const [action, id] = args;
  if (action === undefined) {
    const { grants } = await api.call(listMcpGrants, { params: { t } });
    process.stdout.write(
      table([
        ["GRANT", "CLIENT", "PERSON", "REDIRECT", "CONNECTED", "LAST USED", "STATUS"],
        ...grants.map((g) => [
          g.id,
          g.client_name,
          g.user_email,
          g.redirect_host,
          g.created_at,
          g.last_used_at ?? "never",
          g.revoked_at ? "revoked" : "active",
        ]),
      ]),
    );
    return 0;
  }
  if (action === "revoke" && id) {
    await api.call(deleteMcpGrant, { params: { t, id } });
    process.stdout.write(`revoked ${id}\n`);
    return 0;
  }
  throw new CliError(USAGE, 2);
}

export function run(args: string[]): Promise<number> {
  return guarded(async () => {
    const [group, ...rest] = args;
    if (group === "servers") return servers(rest);
    if (group === "grants") return grants(rest);
    throw new CliError(USAGE, 2);
  });
}
