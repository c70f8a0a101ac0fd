/** The `gatehouse` command: dispatches to one module per command group. */
export type Command = (args: string[]) => Promise<number>;

const commands: Record<string, { summary: string; load: () => Promise<{ run: Command }> }> = {
  policy: { summary: "policy lint|bundle-id|eval|push", load: () => import("./commands/policy") },
  audit: { summary: "audit verify|export", load: () => import("./commands/audit") },
  scan: { summary: "scan text on stdin for injection and secrets", load: () => import("./commands/scan") },
  egress: { summary: "egress check URL", load: () => import("./commands/egress") },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `usage: gatehouse <command> [args]\n\n${lines.join("\n")}\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(usage());
    return name === undefined || name === "help" || name === "--help" ? 0 : 2;
  }
  const { run } = await command.load();
  return run(rest);
}
