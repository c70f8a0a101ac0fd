import { describe, expect, it } from "vitest";
import { scanInjection } from "../../../core/untrusted";
import negativeJsonl from "../../fixtures/injection/negative.jsonl?raw";
import positiveJsonl from "../../fixtures/injection/positive.jsonl?raw";

interface Example {
  text: string;
  note: string;
}

const parse = (jsonl: string): Example[] =>
  jsonl
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Example);

// Thresholds from the design brief: ≥ 95 % of injections flagged, ≤ 5 % of benign texts flagged.
const MIN_DETECTION = 0.95;
const MAX_FALSE_POSITIVES = 0.05;

describe("injection corpus", () => {
  const positive = parse(positiveJsonl);
  const negative = parse(negativeJsonl);

  it("has at least 110 examples on each side, each with a note", () => {
    expect(positive.length).toBeGreaterThanOrEqual(110);
    expect(negative.length).toBeGreaterThanOrEqual(110);
    for (const e of [...positive, ...negative]) {
      expect(typeof e.text).toBe("string");
      expect(e.note.length).toBeGreaterThan(0);
    }
  });

  it("meets the detection and false-positive targets", () => {
    const missed = positive.filter((e) => scanInjection(e.text).length === 0);
    const flagged = negative.filter((e) => scanInjection(e.text).length > 0);
    const rates = {
      positives: positive.length,
      negatives: negative.length,
      detection: (positive.length - missed.length) / positive.length,
      falsePositiveRate: flagged.length / negative.length,
      missed: missed.map((e) => e.note),
      falsePositives: flagged.map((e) => e.note),
    };
    console.log(`INJECTION_RATES ${JSON.stringify(rates)}`);
    expect(rates.detection).toBeGreaterThanOrEqual(MIN_DETECTION);
    expect(rates.falsePositiveRate).toBeLessThanOrEqual(MAX_FALSE_POSITIVES);
  });
});
