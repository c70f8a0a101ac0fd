/**
 * Gatehouse against Lynx's own engine: every case of the committed fixture (written by
 * scripts/lynx-conformance.py from Lynx's compile_policy/evaluate) must agree with what Lynx
 * decided, or be one of the departures below — each documented in docs/policy-language.md and
 * each reported by `policy lint` with a message that says what Lynx would do.
 */
import { describe, expect, it } from "vitest";
import fixture from "./fixtures/lynx-conformance.json";
import { runCase, type Case } from "./conformance";

interface Departure {
  /** Which cases (by name). */
  readonly cases: RegExp;
  /** The lint message that explains it (error or warning). */
  readonly lint: RegExp;
}

const DEPARTURES: readonly Departure[] = [
  { cases: /^no match \(departure\)$/, lint: /has no match \(Lynx would match every call\)/ },
  { cases: /^scalar timestamp$/, lint: /unquoted timestamp 2024-01-01: Lynx reads a date/ },
  {
    cases: /^scalar key (1\.|\.5|\.nan)$/,
    lint: /empty path segment \(Lynx would look up a key named ""/,
  },
  { cases: /^path \{ (cmd|arg\.cmd): ls \}#\d$/, lint: /Lynx reads an unknown path as null/ },
  {
    cases: /^path \{ declared\.scope(\.in)?: .*#0$/,
    lint: /Lynx holds declared\.scope as a tuple/,
  },
  { cases: /^path \{ context\.run_id: .*#0$/, lint: /Lynx has no context\.run_id and reads null/ },
  { cases: /^approvers string/, lint: /Lynx would read each character of "ops" as an approver/ },
  {
    cases: /^defaults transform$/,
    lint: /Lynx would return a transform verdict without arguments/,
  },
  {
    cases: /^transform \{ set: 1 \}#\d$/,
    lint: /Lynx would write to an argument literally named "\$\.args"/,
  },
  {
    cases: /^obligations \[(audit-note|\{ id: x \})\] /,
    lint: /has no phase: it runs pre .* where Lynx would run it post/,
  },
  {
    cases: /^predicate name as a literal$/,
    lint: /Lynx cannot compile the file when that expansion recurses/,
  },
];

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
