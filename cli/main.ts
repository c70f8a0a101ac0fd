/** The `gatehouse` command: dispatches to one module per command group. */
export type Command = (args: string[]) => Promise<number>;

interface Entry {
  summary: string;
  load: () => Promise<Command>;
}

const commands: Record<string, Entry> = {
  policy: {
    summary: "policy lint|bundle-id|eval (offline) · policy push FILE",
    load: async () => (args) =>
      args[0] === "push"
        ? import("./commands/policy-push").then((m) => m.run(args.slice(1)))
        : import("./commands/policy").then((m) => m.run(args)),
  },
  audit: {
    summary:
      "audit verify FILE.jsonl [--jwks JWKS.json] [--since CHECKPOINT --log-key KEY] · audit export [--out FILE] · audit verify-proof FILE --log-key KEY [--witness KEY …] [--min-witnesses N] · audit monitor URL --state FILE --log-key KEY",
    load: async () => (args) =>
      args[0] === "export"
        ? import("./commands/audit-export").then((m) => m.run(args.slice(1)))
        : args[0] === "verify-proof"
          ? import("./commands/audit-tlog").then((m) => m.verifyProof(args.slice(1)))
          : args[0] === "monitor"
            ? import("./commands/audit-tlog").then((m) => m.monitor(args.slice(1)))
            : import("./commands/audit").then((m) => m.run(args)),
  },
  witness: {
    summary:
      "witness keygen --name NAME --out FILE · witness serve --key FILE --state FILE --log VKEY",
    load: async () => (await import("./commands/witness")).run,
  },
  scan: {
    summary: "scan text on stdin for injection and secrets",
    load: async () => (await import("./commands/scan")).run,
  },
  egress: {
    summary: "egress check URL",
    load: async () => (await import("./commands/egress")).run,
  },
  runs: { summary: "runs [--limit N]", load: async () => (await import("./commands/runs")).run },
  trace: { summary: "trace RUN", load: async () => (await import("./commands/runs")).trace },
  approvals: {
    summary: "approvals [--all]",
    load: async () => (await import("./commands/approvals")).run,
  },
  approve: {
    summary: "approve ID [--deny] [--reason TEXT]",
    load: async () => (await import("./commands/approvals")).approve,
  },
  mcp: {
    summary:
      "mcp servers [add NAME URL [--secret NAME] | test NAME | rm NAME] · mcp grants [revoke ID]",
    load: async () => (await import("./commands/mcp")).run,
  },
  operator: {
    summary: "operator vault-status | rewrap [--batch N] (GATEHOUSE_OPERATOR_TOKEN)",
    load: async () => (await import("./commands/operator")).run,
  },
  doctor: {
    summary: "doctor: check the server, the token and risky settings",
    load: async () => (await import("./commands/doctor")).run,
  },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return (
    `usage: gatehouse <command> [args]\n\n${lines.join("\n")}\n\n` +
    "API commands read GATEHOUSE_URL and GATEHOUSE_TOKEN (an API token) from the environment.\n"
  );
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(usage());
    return name === undefined || name === "help" || name === "--help" ? 0 : 2;
  }
  return (await command.load())(rest);
}
