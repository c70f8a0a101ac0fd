/** Where lint findings sit in the editor's text: per-line marks and caret offsets. */

export type Severity = "error" | "warning";

export interface Finding {
  severity: Severity;
  line: number;
  column: number;
  message: string;
}

/** The worst finding of each line (errors win over warnings). */
export function lineSeverities(findings: readonly Finding[]): Map<number, Severity> {
  const marks = new Map<number, Severity>();
  for (const f of findings) {
    if (marks.get(f.line) !== "error") marks.set(f.line, f.severity);
  }
  return marks;
}

/** The string offset of 1-based `line`:`column`, clamped to the text (for placing the caret). */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf("\n", offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  const end = text.indexOf("\n", offset);
  const lineEnd = end === -1 ? text.length : end;
  return Math.min(offset + Math.max(0, column - 1), lineEnd);
}

/**
 * A line cut around the finding's column: the text before it, the token it points at (up to the
 * next space; at least one character, a space past the end of the line), and the rest.
 */
export function markAt(text: string, column: number): [string, string, string] {
  const at = Math.min(Math.max(0, column - 1), text.length);
  const token = /^\S+/.exec(text.slice(at))?.[0] ?? text.slice(at, at + 1);
  return [text.slice(0, at), token || " ", text.slice(at + token.length)];
}

/** Server lint issues come as `{path: "line:col", message: "error: …"}`. */
export function findingFromIssue(issue: { path: string; message: string }): Finding | null {
  const where = /^(\d+):(\d+)$/.exec(issue.path);
  if (!where) return null;
  const level = /^(error|warning):\s*/.exec(issue.message);
  return {
    severity: level?.[1] === "warning" ? "warning" : "error",
    line: Number(where[1]),
    column: Number(where[2]),
    message: level ? issue.message.slice(level[0].length) : issue.message,
  };
}
