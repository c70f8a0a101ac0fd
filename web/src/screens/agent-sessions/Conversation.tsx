import type { Workspace } from "../../workspace";
import { ANOMALY_LABELS } from "./session-labels";
import { ToolCallCard } from "./ToolCallCard";
import type { Decision } from "./ToolCallCard";
import type { ToolCard, Transcript, TranscriptItem } from "./transcript";

/** The conversation as a log: bubbles, tool-call cards, and alerts for what needs attention. */
export function Conversation(props: {
  ws: Workspace;
  transcript: Transcript;
  awaiting: ToolCard | null;
  decisions: Readonly<Record<string, Decision>>;
  onDecided: (approvalId: string, decision: Decision) => void;
}) {
  const t = props.transcript;
  return (
    <>
      {t.items.length === 0 && !t.streaming ? (
        <p class="empty">No messages yet. Say what the agent should do.</p>
      ) : null}
      <ol class="conversation" role="log" aria-label="Conversation">
        {t.items.map((item) => (
          <Item
            key={item.key}
            item={item}
            ws={props.ws}
            awaiting={props.awaiting}
            decisions={props.decisions}
            onDecided={props.onDecided}
          />
        ))}
      </ol>
      {t.streaming ? (
        // Outside the log: screen readers hear the finished message, not every fragment.
        <div class="bubble bubble-assistant bubble-streaming" aria-busy="true">
          <p class="bubble-who">Assistant · writing…</p>
          <p class="bubble-text">{t.streaming}</p>
        </div>
      ) : null}
    </>
  );
}

function Item(props: {
  item: TranscriptItem;
  ws: Workspace;
  awaiting: ToolCard | null;
  decisions: Readonly<Record<string, Decision>>;
  onDecided: (approvalId: string, decision: Decision) => void;
}) {
  const item = props.item;
  switch (item.kind) {
    case "user":
      return (
        <li class="bubble bubble-user">
          <p class="bubble-who">You</p>
          <p class="bubble-text">{item.content}</p>
        </li>
      );
    case "assistant":
      return (
        <li class="bubble bubble-assistant">
          <p class="bubble-who">Assistant</p>
          <p class="bubble-text">{item.text}</p>
        </li>
      );
    case "tool": {
      const c = item.card;
      return (
        <ToolCallCard
          ws={props.ws}
          card={c}
          awaiting={props.awaiting?.stepId === c.stepId}
          decision={c.approvalId ? props.decisions[c.approvalId] : undefined}
          onDecided={props.onDecided}
        />
      );
    }
    case "result":
      return (
        <li class="card tool-card">
          <p class="meta">
            <code>{item.tool}</code> was not run
          </p>
          <pre class="code-block">{item.summary}</pre>
        </li>
      );
    case "warning":
      return (
        <li class="alert alert-warning" role="alert">
          <strong>Warning:</strong> {item.message}
        </li>
      );
    case "anomaly":
      return (
        <li class="alert alert-anomaly" role="alert" data-anomaly={item.anomaly}>
          <strong>Anomaly: {ANOMALY_LABELS[item.anomaly] ?? item.anomaly}.</strong>{" "}
          <span class="break">{item.detail}</span>
        </li>
      );
    case "model_error":
      return (
        <li class={item.retryAt ? "alert alert-warning" : "alert alert-error"} role="alert">
          <strong>
            {item.attempts > 1
              ? `The model call failed ${item.attempts} times`
              : "The model call failed"}
          </strong>{" "}
          ({item.errorKind}): <span class="break">{item.message}</span>
          {item.retryAt ? ` Retrying at ${timeOf(item.retryAt)}.` : null}
        </li>
      );
  }
}

/** "14:02:31": retries are seconds away, so the seconds matter. */
function timeOf(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : at.toLocaleTimeString();
}
