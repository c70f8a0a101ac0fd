import { describe, expect, it } from "vitest";
import corpusJsonl from "../../fixtures/injection/corpus/corpus.jsonl?raw";

interface Row {
  id: string;
  text: string;
  label: 0 | 1;
  category: string;
  lang: string;
  family: string;
  split: "train" | "val" | "test";
  source: string;
}

const rows = corpusJsonl
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as Row);

describe("injection training corpus", () => {
  it("holds at least 3,000 texts, about half injections, each with provenance", () => {
    expect(rows.length).toBeGreaterThanOrEqual(3000);
    const injections = rows.filter((r) => r.label === 1).length;
    expect(injections / rows.length).toBeGreaterThan(0.4);
    expect(injections / rows.length).toBeLessThan(0.6);
    for (const r of rows) expect(r.source.length).toBeGreaterThan(0);
  });

  it("splits by family: no family and no text is in two splits", () => {
    const splitOf = new Map<string, string>();
    for (const r of rows) {
      const base = r.family.split("+")[0]!; // an encoded variant belongs to its source family
      expect(splitOf.get(base) ?? r.split, base).toBe(r.split);
      splitOf.set(base, r.split);
    }
    const textSplit = new Map<string, string>();
    for (const r of rows) {
      expect(textSplit.get(r.text) ?? r.split).toBe(r.split);
      textSplit.set(r.text, r.split);
    }
  });

  it("has a test split covering every category and the ten languages", () => {
    const test = rows.filter((r) => r.split === "test");
    const cats = new Set(test.filter((r) => r.label === 1).map((r) => r.category));
    for (const c of ["override", "paraphrase", "roleplay", "tool", "exfiltration", "encoded"]) {
      expect(cats).toContain(c);
    }
    const langs = new Set(test.filter((r) => r.label === 1).map((r) => r.lang));
    for (const l of ["en", "de", "es", "fr", "pt", "it", "zh", "ja", "ru", "ar"]) {
      expect(langs).toContain(l);
    }
  });
});
