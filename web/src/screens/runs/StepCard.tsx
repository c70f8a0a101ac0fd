import { Badge, JsonDetails } from "../../components/ui";
import { prettyJson } from "../../format";
import {
  labelOf,
  STEP_STATUS_LABELS,
  STEP_STATUS_TONES,
  toneOf,
  VERDICT_LABELS,
  VERDICT_TONES,
} from "../../labels";
import { Link } from "../../router";
import type { Step } from "../../tenant-api";
import type { Workspace } from "../../workspace";

/** One proposed tool call: the verdict, the rule that gave it, and what happened. */
export function StepCard(props: { ws: Workspace; step: Step }) {
  const s = props.step;
  const transformed =
    s.exec_args !== null && s.args !== undefined && prettyJson(s.exec_args) !== prettyJson(s.args);
  return (
    <li
      class={`card step verdict-${s.verdict}`}
      data-status={s.status}
      aria-labelledby={`step-${s.step_id}`}
    >
      <div class="step-head">
        <span class="step-seq" aria-hidden="true">
          {s.seq}
        </span>
        <h3 id={`step-${s.step_id}`} class="step-tool break">
          <span class="visually-hidden">Step {s.seq}: </span>
          <code>{s.tool}</code>
        </h3>
      </div>
      <p class="badges">
        <Badge tone={toneOf(VERDICT_TONES, s.verdict)}>{labelOf(VERDICT_LABELS, s.verdict)}</Badge>
        <Badge tone={toneOf(STEP_STATUS_TONES, s.status)}>
          {labelOf(STEP_STATUS_LABELS, s.status)}
        </Badge>
      </p>
      <dl class="facts">
        <div>
          <dt>Rule</dt>
          <dd class="mono break">{s.rule_id ?? "default (no rule matched)"}</dd>
        </div>
        {s.reason ? (
          <div>
            <dt>Reason</dt>
            <dd class="break">{s.reason}</dd>
          </div>
        ) : null}
      </dl>
      {s.args !== undefined ? <JsonDetails summary="Arguments" value={s.args} /> : null}
      {transformed ? <JsonDetails summary="Arguments after transform" value={s.exec_args} /> : null}
      {s.preview ? <JsonDetails summary="Dry-run preview" value={s.preview} /> : null}
      {s.output !== undefined && s.output !== null ? (
        <JsonDetails summary="Output" value={s.output} />
      ) : null}
      {s.status === "awaiting_approval" ? (
        <Link href={props.ws.href("approvals", {})} class="btn btn-secondary step-action">
          Decide in Approvals
        </Link>
      ) : null}
    </li>
  );
}
