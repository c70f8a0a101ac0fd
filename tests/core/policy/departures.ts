/**
 * The documented departures from Lynx (docs/policy-language.md): which conformance cases
 * differ on purpose, and the lint message that says what Lynx would do.
 */
export interface Departure {
  /** Which cases (by name). */
  readonly cases: RegExp;
  /** The lint message that explains it (error or warning). */
  readonly lint: RegExp;
}

export const DEPARTURES: readonly Departure[] = [
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
