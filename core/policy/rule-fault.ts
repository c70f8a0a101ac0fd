/**
 * A matcher that fails at run time (a comparison between different types) throws a RuleFault;
 * the evaluator skips the rule and records `<rule_error:RULE_ID:KIND>`. Kinds are named as
 * the Python exception Lynx reports, so markers read the same in both.
 */
export class RuleFault {
  constructor(readonly kind: string) {}
}

/** Preallocated: throwing it costs no stack capture. */
export const TYPE_FAULT = new RuleFault("TypeError");

export function faultKind(e: unknown): string {
  if (e instanceof RuleFault) return e.kind;
  if (e instanceof Error) return e.name;
  return "Error";
}
