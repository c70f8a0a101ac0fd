import { useEffect, useRef, useState } from "hono/jsx/dom";
import { MAX_POLICY_SOURCE_CHARS } from "../../../../core/policy/limits";
import { ApiError, messageOf } from "../../api";
import { Alert, Button, Loading, PageHead, Retry } from "../../components/ui";
import { findingFromIssue, lineSeverities, markAt, offsetOf } from "../../editor-lines";
import type { Finding, Severity } from "../../editor-lines";
import { splitLines } from "../../diff";
import { flash } from "../../flash";
import { shortId } from "../../format";
import { useAction, useResource } from "../../hooks";
import type { LintReport } from "../../policy-lint";
import { Link, navigate } from "../../router";
import type { Workspace } from "../../workspace";
import { activeVersion } from "./policy-data";

type LintModule = typeof import("../../policy-lint");

/** Lint runs this long after the last keystroke. */
const LINT_DELAY_MS = 120;

const STARTER = `version: 1
defaults:
  on_no_match: deny
rules: []
`;

/** A new policy version, starting from `base` (or the active one), with live lint. */
export function PolicyEditor(props: { ws: Workspace; base: number | null }) {
  const { ws } = props;
  const [start, reload] = useResource(async () => {
    const { policies } = await ws.api.policies();
    const from = props.base ?? activeVersion(policies) ?? policies[0]?.version ?? null;
    const source = from === null ? STARTER : (await ws.api.policy(from)).policy.source;
    return { from, source };
  });
  return (
    <main class="screen" aria-labelledby="editor-title">
      <p class="back">
        <Link href={ws.href("policies", {})} class="btn btn-quiet">
          ← All versions
        </Link>
      </p>
      <PageHead id="editor-title" title="New policy version" tenant={ws.tenant.name}>
        {start.state === "ready" && start.data.from !== null ? (
          <p class="muted">Starting from version {start.data.from}. Saving never activates it.</p>
        ) : null}
      </PageHead>
      {start.state === "loading" ? <Loading label="Loading the policy…" /> : null}
      {start.state === "error" ? <Retry error={start.error} onRetry={reload} /> : null}
      {start.state === "ready" ? (
        <EditorForm ws={ws} from={start.data.from} initialSource={start.data.source} />
      ) : null}
    </main>
  );
}

function EditorForm(props: { ws: Workspace; from: number | null; initialSource: string }) {
  const [source, setSource] = useState(props.initialSource);
  const [linter, setLinter] = useState<LintModule | null>(null);
  const [linterError, setLinterError] = useState<unknown>(null);
  const [report, setReport] = useState<LintReport | null>(null);
  const [bundle, setBundle] = useState<string | null>(null);
  // Findings of the last refused save; they stand until the next edit.
  const [serverFindings, setServerFindings] = useState<Finding[] | null>(null);
  const { busy, error, setError, run } = useAction<"save">();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const lintRound = useRef(0);

  // Uncontrolled: the text is written once, so the caret never jumps while typing.
  useEffect(() => {
    if (textarea.current) textarea.current.value = props.initialSource;
  }, []);

  useEffect(() => {
    import("../../policy-lint").then(setLinter, setLinterError);
  }, []);

  useEffect(() => {
    if (!linter) return;
    const timer = setTimeout(() => {
      const round = ++lintRound.current;
      const next = linter.lintPolicy(source);
      setReport(next);
      setBundle(null);
      void linter.draftBundleId(next).then((id) => {
        if (round === lintRound.current) setBundle(id);
      });
    }, LINT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [source, linter]);

  const findings: Finding[] = serverFindings ?? report?.diagnostics ?? [];
  const lines = splitLines(source);
  if (lines.length === 0 || source.endsWith("\n")) lines.push("");
  const marks = lineSeverities(findings);
  const firstOnLine = new Map<number, Finding>();
  for (const f of findings) if (!firstOnLine.has(f.line)) firstOnLine.set(f.line, f);
  const widest = lines.reduce((max, line) => Math.max(max, line.length), 0);
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  const unchanged = source === props.initialSource;

  const jumpTo = (f: Finding) => {
    const field = textarea.current;
    if (!field) return;
    const at = offsetOf(field.value, f.line, f.column);
    field.focus();
    field.setSelectionRange(at, at);
    gutter.current?.children[f.line - 1]?.scrollIntoView({ block: "center" });
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (report !== null && report.errors > 0 && serverFindings === null) {
      setError(
        new Error(
          `Fix ${report.errors === 1 ? "the error" : `the ${report.errors} errors`} first.`,
        ),
      );
      const first = report.diagnostics.find((d) => d.severity === "error");
      if (first) jumpTo(first);
      return;
    }
    await run("save", async () => {
      try {
        const { policy } = await props.ws.api.createPolicy(source);
        flash(`Saved as version ${policy.version}. It takes effect once you activate it.`);
        navigate(props.ws.href("policy", { version: String(policy.version) }));
      } catch (e) {
        if (e instanceof ApiError && e.code === "policy_invalid") {
          setServerFindings(e.issues.map(findingFromIssue).filter((f): f is Finding => f !== null));
        }
        throw e;
      }
    });
  };

  const status: Severity | "ok" | "pending" =
    linter === null && serverFindings === null
      ? "pending"
      : errors > 0
        ? "error"
        : warnings > 0
          ? "warning"
          : report === null && serverFindings === null
            ? "pending"
            : "ok";

  return (
    <form class="stack editor-form" onSubmit={save} noValidate>
      <div class="field">
        <label for="policy-source">Policy (YAML)</label>
        <div class={`editor editor-${status}`}>
          <div class="editor-gutter" ref={gutter} aria-hidden="true">
            {lines.map((_, i) => (
              <span key={i} class={marks.has(i + 1) ? `gutter-${marks.get(i + 1)}` : undefined}>
                {i + 1}
              </span>
            ))}
          </div>
          <div class="editor-code">
            <div class="editor-backdrop" aria-hidden="true">
              {lines.map((text, i) => {
                const finding = firstOnLine.get(i + 1);
                if (!finding) {
                  return (
                    <div key={i} class="bd-line">
                      {text || " "}
                    </div>
                  );
                }
                const [before, token, after] = markAt(text, finding.column);
                return (
                  <div key={i} class={`bd-line line-${marks.get(i + 1)}`}>
                    {before}
                    <span class={`lint-mark mark-${finding.severity}`}>{token}</span>
                    {after}
                  </div>
                );
              })}
            </div>
            <textarea
              id="policy-source"
              ref={textarea}
              rows={lines.length}
              cols={Math.max(40, widest + 2)}
              wrap="off"
              spellcheck={false}
              autocapitalize="none"
              autocomplete="off"
              aria-invalid={errors > 0 ? "true" : undefined}
              aria-describedby="lint-status"
              onInput={(e: Event) => {
                setSource((e.target as HTMLTextAreaElement).value);
                setServerFindings(null);
                // Whatever the last save said was about the text before this edit.
                setError(null);
              }}
            />
          </div>
        </div>
      </div>

      <p class={source.length > MAX_POLICY_SOURCE_CHARS ? "meta field-issue" : "meta"}>
        {source.length.toLocaleString()} of {MAX_POLICY_SOURCE_CHARS.toLocaleString()} characters a
        policy may have.
      </p>
      <div class={`lint-status lint-${status}`} id="lint-status" role="status">
        {linterError
          ? `Live lint is unavailable (${messageOf(linterError)}); the server still checks on save.`
          : status === "pending"
            ? "Checking…"
            : status === "ok"
              ? `✓ No problems${bundle ? ` · bundle ${shortId(bundle)}` : ""}`
              : [
                  errors > 0 ? `${errors} ${errors === 1 ? "error" : "errors"}` : "",
                  warnings > 0 ? `${warnings} ${warnings === 1 ? "warning" : "warnings"}` : "",
                ]
                  .filter(Boolean)
                  .join(", ") + (serverFindings ? " (from the server)" : "")}
      </div>
      {findings.length > 0 ? (
        <ul class="lint-list" aria-label="Lint results">
          {findings.map((f, i) => (
            <li key={`${i}-${f.line}-${f.column}`}>
              <button
                type="button"
                class={`lint-item lint-${f.severity}`}
                onClick={() => jumpTo(f)}
              >
                <span class="lint-pos">
                  {f.line}:{f.column}
                </span>
                <span class="lint-severity">{f.severity}</span>
                <span class="lint-message break">{f.message}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}

      <Alert
        message={
          error && !(error instanceof ApiError && error.code === "policy_invalid")
            ? messageOf(error)
            : null
        }
      />
      <div class="actions">
        <Button
          type="submit"
          variant="primary"
          busy={busy === "save"}
          busyLabel="Saving…"
          disabled={unchanged}
        >
          Save as new version
        </Button>
        <Link href={props.ws.href("policies", {})} class="btn btn-quiet">
          Cancel
        </Link>
      </div>
      {unchanged ? <p class="meta">Make a change to save a new version.</p> : null}
    </form>
  );
}
