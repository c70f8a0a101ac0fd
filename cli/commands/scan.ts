/** `gatehouse scan`: scans text on stdin for prompt injection and credentials. */
import { parseArgs } from "node:util";
import { findSecrets } from "../../core/secrets/patterns";
import { scanInjection } from "../../core/untrusted/scan-injection";

const USAGE = `usage: gatehouse scan < FILE

  Reads UTF-8 text on stdin and prints one JSON object:
    {"injection":[{"kind","start","end"}...],"secrets":[{"kind","provider","start","end"}...]}
  Offsets are UTF-16 code units into the decoded text. Secret values are never printed.
  exit 0: scanned (whatever was found) · exit 2: usage error
`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function run(args: string[]): Promise<number> {
  let help = false;
  try {
    const parsed = parseArgs({ args, options: { help: { type: "boolean", short: "h" } } });
    help = parsed.values.help === true;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const text = await readStdin();
  const result = {
    injection: scanInjection(text).map(({ kind, start, end }) => ({ kind, start, end })),
    secrets: findSecrets(text).map(({ kind, provider, start, end }) => ({
      kind,
      provider,
      start,
      end,
    })),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return 0;
}
