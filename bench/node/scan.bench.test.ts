import { it } from "vitest";
import { checkEgress } from "../../core/egress";
import { findSecrets } from "../../core/secrets";
import { scanInjection, wrapUntrusted } from "../../core/untrusted";
import { report, sampleBatched, summarize } from "../measure";

// Informational: docs/design.md §7 sets no budget for content scanning.
const BUDGET = "none (informational)";

const PARAGRAPH =
  "You can safely ignore the deprecation warning that npm prints during install; it comes from " +
  "a transitive dependency. See https://example.com/docs?x=1 for details, or ask in the forum.";
const DOCUMENT = Array.from({ length: 500 }, (_, i) => `${i}. ${PARAGRAPH}`).join("\n\n"); // ≈100 KB

function measure(
  name: string,
  fn: () => unknown,
  batches: number,
  perBatch: number,
  unit: "µs" | "ms",
) {
  const { medianMs, p95Ms } = summarize(sampleBatched(fn, batches, perBatch));
  const scale = unit === "µs" ? 1000 : 1;
  report({
    name,
    median: medianMs * scale,
    p95: p95Ms * scale,
    unit,
    budget: BUDGET,
    samples: batches,
  });
}

it("scanInjection, one 200-character paragraph", () => {
  measure("scanInjection paragraph", () => scanInjection(PARAGRAPH), 200, 50, "µs");
});

it("scanInjection, a 100 KB document", () => {
  measure(
    `scanInjection ${Math.round(DOCUMENT.length / 1024)} KiB`,
    () => scanInjection(DOCUMENT),
    20,
    2,
    "ms",
  );
});

it("wrapUntrusted, a 100 KB document", () => {
  measure(
    `wrapUntrusted ${Math.round(DOCUMENT.length / 1024)} KiB`,
    () => wrapUntrusted(DOCUMENT, { source: "http_fetch", boundary: "bench0000000000" }),
    20,
    2,
    "ms",
  );
});

it("findSecrets, a 100 KB document", () => {
  measure(
    `findSecrets ${Math.round(DOCUMENT.length / 1024)} KiB`,
    () => findSecrets(DOCUMENT),
    20,
    5,
    "ms",
  );
});

it("checkEgress, one URL", () => {
  measure("checkEgress", () => checkEgress("http://0x7f.0.0.1:8080/admin"), 200, 200, "µs");
});
