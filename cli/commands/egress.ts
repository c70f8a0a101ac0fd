/** `gatehouse egress check URL`: would Gatehouse let a tool fetch this URL? */
import { parseArgs } from "node:util";
import { checkEgress } from "../../core/egress/check-egress";

const USAGE = `usage: gatehouse egress check URL [--https-only] [--port N ...]

  Prints "allowed: host:port" or "refused: reason".
  exit 0: allowed · exit 1: refused · exit 2: usage error
`;

class UsageError extends Error {}

function parse(args: string[]): { url: string; httpsOnly: boolean; ports?: number[] } | "help" {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        help: { type: "boolean", short: "h" },
        "https-only": { type: "boolean" },
        port: { type: "string", multiple: true },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (parsed.values.help) return "help";
  const [command, url, ...extra] = parsed.positionals;
  if (command !== "check")
    throw new UsageError(command ? `unknown command: ${command}` : "missing command");
  if (url === undefined) throw new UsageError("missing URL");
  if (extra.length > 0) throw new UsageError(`unexpected argument: ${extra[0]}`);
  const ports = parsed.values.port?.map((p) => {
    const n = Number(p);
    if (!Number.isInteger(n) || n < 1 || n > 65535) throw new UsageError(`invalid port: ${p}`);
    return n;
  });
  return { url, httpsOnly: parsed.values["https-only"] === true, ...(ports ? { ports } : {}) };
}

export async function run(args: string[]): Promise<number> {
  let request;
  try {
    request = parse(args);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`${err.message}\n${USAGE}`);
    return 2;
  }
  if (request === "help") {
    process.stdout.write(USAGE);
    return 0;
  }
  const decision = checkEgress(request.url, {
    httpsOnly: request.httpsOnly,
    ...(request.ports ? { allowedPorts: request.ports } : {}),
  });
  if (decision.allowed) {
    process.stdout.write(`allowed: ${decision.host}:${decision.port}\n`);
    return 0;
  }
  process.stdout.write(`refused: ${decision.reason}\n`);
  return 1;
}
