import { useState } from "hono/jsx/dom";
import { Badge, Loading, PageHead, Retry } from "../../components/ui";
import { diffLines, diffStats, foldUnchanged } from "../../diff";
import type { DiffLine } from "../../diff";
import { useResource } from "../../hooks";
import { Link, navigate } from "../../router";
import type { PolicyVersion } from "../../tenant-api";
import type { Workspace } from "../../workspace";
import { BundleId } from "./BundleId";

/** What changed between two policy versions, line by line. */
export function PolicyDiff(props: { ws: Workspace; from: number; to: number }) {
  const { ws } = props;
  const [data, reload] = useResource(async () => {
    const [list, a, b] = await Promise.all([
      ws.api.policies(),
      ws.api.policy(props.from),
      ws.api.policy(props.to),
    ]);
    return { versions: list.policies, a: a.policy, b: b.policy };
  });
  return (
    <main class="screen" aria-labelledby="diff-title">
      <p class="back">
        <Link href={ws.href("policies", {})} class="btn btn-quiet">
          ← All versions
        </Link>
      </p>
      <PageHead
        id="diff-title"
        title={`Version ${props.from} → ${props.to}`}
        tenant={ws.tenant.name}
      />
      {data.state === "loading" ? <Loading label="Loading both versions…" /> : null}
      {data.state === "error" ? <Retry error={data.error} onRetry={reload} /> : null}
      {data.state === "ready" ? (
        <>
          <VersionPickers ws={ws} versions={data.data.versions} from={props.from} to={props.to} />
          <section class="card" aria-label="Differences">
            <div class="diff-head">
              <BundleId label={`v${props.from}`} value={data.data.a.bundle_id} />
              <BundleId label={`v${props.to}`} value={data.data.b.bundle_id} />
            </div>
            <DiffView lines={diffLines(data.data.a.source, data.data.b.source)} />
          </section>
        </>
      ) : null}
    </main>
  );
}

function VersionPickers(props: {
  ws: Workspace;
  versions: PolicyVersion[];
  from: number;
  to: number;
}) {
  const { ws } = props;
  const picker = (id: string, label: string, value: number, go: (v: number) => string) => (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={String(value)}
        onChange={(e: Event) => navigate(go(Number((e.target as HTMLSelectElement).value)))}
      >
        {props.versions.map((v) => (
          <option key={v.version} value={String(v.version)} selected={v.version === value}>
            Version {v.version}
            {v.active ? " (active)" : ""}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div class="field-pair">
      {picker("diff-from", "From", props.from, (v) =>
        ws.href("policy-diff", { from: String(v), to: String(props.to) }),
      )}
      {picker("diff-to", "To", props.to, (v) =>
        ws.href("policy-diff", { from: String(props.from), to: String(v) }),
      )}
    </div>
  );
}

function DiffView(props: { lines: DiffLine[] }) {
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const { added, removed } = diffStats(props.lines);
  if (added === 0 && removed === 0) {
    return <p class="empty">No differences: both versions have the same source.</p>;
  }
  const hunks = foldUnchanged(props.lines);
  return (
    <>
      <p class="diff-stats" aria-label={`${added} lines added, ${removed} removed`}>
        <Badge tone="success">+{added}</Badge> <Badge tone="danger">−{removed}</Badge>
      </p>
      <div class="code-scroll" tabindex={0} role="region" aria-label="Line differences">
        <ol class="diff-lines">
          {hunks.flatMap((hunk, h) =>
            hunk.kind === "line" || expanded.has(h)
              ? (hunk.kind === "line" ? [hunk.line] : hunk.lines).map((line, k) => (
                  <Line key={`${h}-${k}`} line={line} />
                ))
              : [
                  <li key={`${h}-fold`} class="diff-fold">
                    <button
                      type="button"
                      class="btn btn-quiet"
                      onClick={() => setExpanded(new Set([...expanded, h]))}
                    >
                      Show {hunk.lines.length} unchanged{" "}
                      {hunk.lines.length === 1 ? "line" : "lines"}
                    </button>
                  </li>,
                ],
          )}
        </ol>
      </div>
    </>
  );
}

const SIGNS = { same: " ", add: "+", del: "−" } as const;
const SPOKEN = { same: "", add: "Added: ", del: "Removed: " } as const;

function Line(props: { line: DiffLine }) {
  const { line } = props;
  return (
    <li class={`diff-line diff-${line.kind}`}>
      <span class="diff-num" aria-hidden="true">
        {line.oldLine ?? ""}
      </span>
      <span class="diff-num" aria-hidden="true">
        {line.newLine ?? ""}
      </span>
      <span class="diff-sign" aria-hidden="true">
        {SIGNS[line.kind]}
      </span>
      <code>
        {SPOKEN[line.kind] ? <span class="visually-hidden">{SPOKEN[line.kind]}</span> : null}
        {line.text || " "}
      </code>
    </li>
  );
}
