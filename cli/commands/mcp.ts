/**
 * gatehouse mcp servers [add NAME URL [--secret NAME] | test NAME | rm NAME]
 * gatehouse mcp grants [revoke ID]
 */
import { parseArgs } from "node:util";
import { apiClient, CliError, guarded, table } from "../api-client";

interface Server {
  name: string;
  url: string;
  credential_secret: string | null;
  tools: { name: string }[];
  last_error: string | null;
}

interface Grant {
  id: string;
  client_name: string;
  user_email: string;
  redirect_host: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

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
  const base = `/api/tenants/${await api.tenantId()}/mcp/servers`;
  const [action, name, url] = args;
  if (action === undefined) {
    const { servers } = await api.json<{ servers: Server[] }>("GET", base);
    process.stdout.write(serverTable(servers));
    return 0;
  }
  if (!name) throw new CliError(USAGE, 2);
  const path = `${base}/${encodeURIComponent(name)}`;
  if (action === "add") {
    const { values } = parseArgs({ args: args.slice(3), options: { secret: { type: "string" } } });
    if (!url) throw new CliError(USAGE, 2);
    const { server } = await api.json<{ server: Server }>("PUT", path, {
      url,
      credential_secret: values.secret ?? null,
    });
    process.stdout.write(serverTable([server]));
    return server.last_error ? 1 : 0;
  }
  if (action === "test") {
    const { server } = await api.json<{ server: Server }>("POST", `${path}/test`);
    process.stdout.write(serverTable([server]));
    return server.last_error ? 1 : 0;
  }
  if (action === "rm") {
    await api.json("DELETE", path);
    process.stdout.write(`removed ${name}\n`);
    return 0;
  }
  throw new CliError(USAGE, 2);
}

async function grants(args: string[]): Promise<number> {
  const api = apiClient();
  const base = `/api/tenants/${await api.tenantId()}/mcp/grants`;
  const [action, id] = args;
  if (action === undefined) {
    const { grants } = await api.json<{ grants: Grant[] }>("GET", base);
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
    await api.json("DELETE", `${base}/${encodeURIComponent(id)}`);
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
