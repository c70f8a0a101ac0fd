import { it } from "vitest";
import { checkEgress } from "../../core/egress";
import { findSecrets } from "../../core/secrets";
import { analyzeInjection, scanInjection, wrapUntrusted } from "../../core/untrusted";
import { classifierView } from "../../core/untrusted/classifier/features";
import { conceptBuckets, conceptMarks } from "../../core/untrusted/classifier/concepts";
import { classify } from "../../core/untrusted/classifier/model";
import { decodedSegments } from "../../core/untrusted/decode-layers";
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

const MULTILINGUAL = Array.from(
  { length: 120 },
  (_, i) =>
    `${i}. Die Installation dauert etwa fünf Minuten. La instalación tarda unos cinco minutos. ` +
    `安装大约需要五分钟。インストールには約5分かかります。Установка занимает около пяти минут. ` +
    `aGVsbG8gd29ybGQsIHRoaXMgaXMgYSBiYXNlNjQgYmxvYg== ${"ab12".repeat(8)}`,
).join("\n");

/** Per-KiB cost of one call on `text`, in µs. */
function perKiB(name: string, fn: () => unknown, text: string, batches: number, perBatch: number) {
  const { medianMs, p95Ms } = summarize(sampleBatched(fn, batches, perBatch));
  const kib = text.length / 1024;
  report({
    name,
    median: (medianMs * 1000) / kib,
    p95: (p95Ms * 1000) / kib,
    unit: "µs",
    budget: "informational (per KiB)",
    samples: batches,
  });
}

it("injection scan cost per KiB: all layers, classifier, decoding", () => {
  perKiB(
    "analyzeInjection per KiB (English prose)",
    () => analyzeInjection(DOCUMENT),
    DOCUMENT,
    10,
    2,
  );
  perKiB(
    "analyzeInjection per KiB (mixed scripts, blobs)",
    () => analyzeInjection(MULTILINGUAL),
    MULTILINGUAL,
    10,
    2,
  );
  const view = classifierView(DOCUMENT);
  perKiB("classifier only per KiB", () => classify(view), DOCUMENT, 20, 5);
  // The concept layer: marks for the whole text, then features per 384-character window.
  const concepts = () => {
    const marks = conceptMarks(DOCUMENT);
    for (let at = 0; at < DOCUMENT.length; at += 192) conceptBuckets(marks, at, at + 384, 131071);
  };
  perKiB("concept layer only per KiB", concepts, DOCUMENT, 20, 5);
  perKiB("decoding passes only per KiB", () => decodedSegments(MULTILINGUAL), MULTILINGUAL, 20, 5);
});

it("analyzeInjection, a 256 KiB page (the http_fetch limit)", () => {
  const page = (DOCUMENT + DOCUMENT + DOCUMENT).slice(0, 256 * 1024);
  measure("analyzeInjection 256 KiB", () => analyzeInjection(page), 5, 1, "ms");
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
