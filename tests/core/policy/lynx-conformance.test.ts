/**
 * Gatehouse against Lynx's own engine: every case of the committed fixture (written by
 * scripts/lynx-conformance.py from Lynx's compile_policy/evaluate) must agree with what Lynx
 * decided, or be one of the departures (departures.ts) — each documented in docs/policy-language.md and
 * each reported by `policy lint` with a message that says what Lynx would do.
 */
import { describe, expect, it } from "vitest";
import fixture from "./fixtures/lynx-conformance.json";
import { runCase, type Case } from "./conformance";
import { DEPARTURES } from "./departures";

const cases = fixture.cases as Case[];

describe(`Lynx conformance (${cases.length} cases from Lynx's own engine)`, () => {
  it("has at least 300 cases", () => expect(cases.length).toBeGreaterThanOrEqual(300));

  const counts = { agree: 0, departures: 0 };
  for (const c of cases) {
    const departure = DEPARTURES.find((d) => d.cases.test(c.name));
    it(c.name, () => {
      const { differences, diagnostics } = runCase(c);
      if (!departure) {
        expect(differences).toEqual([]);
        counts.agree++;
        return;
      }
      // A departure must really differ, and lint must say what Lynx would do.
      expect(differences.length).toBeGreaterThan(0);
      expect(diagnostics.map((d) => d.message).some((m) => departure.lint.test(m))).toBe(true);
      counts.departures++;
    });
  }

  it("every departure rule is used, and the totals add up", () => {
    for (const d of DEPARTURES)
      expect(
        cases.some((c) => d.cases.test(c.name)),
        String(d.cases),
      ).toBe(true);
    expect(counts.agree + counts.departures).toBe(cases.length);
    console.log(
      `Lynx conformance: ${counts.agree} agree, ${counts.departures} documented departures`,
    );
  });
});
