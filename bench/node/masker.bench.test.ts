import { it } from "vitest";
import { SecretMatcher, StreamMasker } from "../../core/secrets";
import { report, sampleBatched, summarize } from "../measure";

// Informational: DESIGN.md §7 sets no budget for masking; the cost is per KiB of model text.
const BUDGET = "none (informational)";

// A tenant with 20 secrets of typical API-key length (each looked for in 9 spellings).
const SECRETS = Array.from(
  { length: 20 },
  (_, i) => `sk-live-${i.toString().padStart(2, "0")}${"Ab3xQ9zK".repeat(6)}`,
);
const PARAGRAPH =
  "Here is the summary you asked for: the build passed, three tests were flaky and the deploy " +
  "went out at noon. Next, I will fetch https://api.example.com/v1/status and report back. ";
const KIB = 64;
const TEXT = PARAGRAPH.repeat(Math.ceil((KIB * 1024) / PARAGRAPH.length)).slice(0, KIB * 1024);
// Model deltas are a few tokens each.
const DELTAS = TEXT.match(/[\s\S]{1,24}/g)!;
const matcher = new SecretMatcher(SECRETS);

function perKib(name: string, fn: () => unknown) {
  const { medianMs, p95Ms } = summarize(sampleBatched(fn, 20, 1));
  report({
    name,
    median: (medianMs * 1000) / KIB,
    p95: (p95Ms * 1000) / KIB,
    unit: "µs/KiB",
    budget: BUDGET,
    samples: 20,
  });
}

it("streaming masker, 64 KiB in 24-character deltas, 20 secrets", () => {
  perKib("StreamMasker per KiB streamed (20 secrets)", () => {
    const m = new StreamMasker(matcher);
    let out = 0;
    for (const d of DELTAS) out += m.push(d).length;
    return out + m.end().length;
  });
});

it("one-shot mask, 64 KiB, 20 secrets", () => {
  perKib("mask per KiB, one shot (20 secrets)", () => matcher.mask(TEXT));
});
