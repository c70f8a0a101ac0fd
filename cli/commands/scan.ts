/** `gatehouse scan`: scores text on stdin for prompt injection and finds credentials. */
import { parseArgs } from "node:util";
import { findSecrets } from "../../core/secrets/patterns";
import { analyzeInjection, DEFAULT_INJECTION_THRESHOLD } from "../../core/untrusted/scan-injection";

const USAGE = `usage: gatehouse scan [--threshold N] < FILE

  Reads UTF-8 text on stdin and prints one JSON object:
    {"score","threshold","flagged",
     "injection":[{"layer","category","rule","score","start","end"}...],
     "secrets":[{"kind","provider","start","end"}...]}
  score (0..1) is the text's injection score; flagged is score >= threshold (default
  ${DEFAULT_INJECTION_THRESHOLD}, chosen on the validation split for <= 3 % false positives). Each
  finding names its layer (rules, lexicon, classifier, decoded:ENCODING), category and score;
  findings below the threshold are listed too. Offsets are UTF-16 code units into the decoded
  text. Secret values are never printed.
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
  let threshold = DEFAULT_INJECTION_THRESHOLD;
  try {
    const parsed = parseArgs({
      args,
      options: { help: { type: "boolean", short: "h" }, threshold: { type: "string" } },
    });
    help = parsed.values.help === true;
    if (parsed.values.threshold !== undefined) {
      threshold = Number(parsed.values.threshold);
      if (!/^(0(\.\d+)?|1(\.0+)?)$/.test(parsed.values.threshold)) {
        throw new Error("--threshold must be a number from 0 to 1");
      }
    }
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const text = await readStdin();
  const scan = analyzeInjection(text, { threshold });
  const result = {
    score: scan.score,
    threshold: scan.threshold,
    flagged: scan.flagged,
    injection: scan.findings.map(({ layer, kind, rule, score, start, end }) => ({
      layer,
      category: kind,
      rule,
      score,
      start,
      end,
    })),
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
