import { plainError } from "../../format";
import type { SessionEvent, SessionStatus } from "../../agent-session-events";
import type { JsonObject, Verdict } from "../../tenant-api";

/** A tool call the model made, with the policy's verdict and, once there is one, its result. */
export interface ToolCard {
  stepId: string;
  tool: string;
  args: JsonObject;
  verdict: Verdict;
  ruleId: string | null;
  reason: string;
  /** Set when the policy asked a person to decide. */
  approvalId: string | null;
  /** Prompt-injection findings in what the tool brought back. */
  warnings: string[];
  result: { isError: boolean; summary: string } | null;
}

/** What the conversation shows, in order. `key` is stable across re-renders. */
export type TranscriptItem =
  | { kind: "user"; key: string; at: string; content: string }
  | { kind: "assistant"; key: string; at: string; text: string }
  | { kind: "tool"; key: string; at: string; card: ToolCard }
  /** A result that belongs to no card (the call was refused before it became a step). */
  | { kind: "result"; key: string; at: string; tool: string; isError: boolean; summary: string }
  /** A warning about a step this transcript has no card for. */
  | { kind: "warning"; key: string; at: string; message: string }
  | { kind: "anomaly"; key: string; at: string; anomaly: string; detail: string }
  | {
      kind: "model_error";
      key: string;
      at: string;
      errorKind: string;
      message: string;
      retryAt: string | null;
      /** Failed calls in a row this item stands for (retries are summarised in one line). */
      attempts: number;
    };

export interface Transcript {
  items: TranscriptItem[];
  /** The last stored event applied; later events continue from here. */
  lastSeq: number;
  /** The seq of the latest `user_message`, 0 before the first. */
  lastUserSeq: number;
  status: SessionStatus;
  error: string | null;
  /** Text the model is streaming right now; its `model_message` replaces it. */
  streaming: string;
  /** Where the cards of the latest model message start (tool results belong to those). */
  turnStart: number;
}

export function emptyTranscript(status: SessionStatus, error: string | null = null): Transcript {
  return {
    items: [],
    lastSeq: 0,
    lastUserSeq: 0,
    status,
    error,
    streaming: "",
    turnStart: 0,
  };
}

/** The agent is working or waiting for a person: no new message may be sent. */
export function isBusy(status: SessionStatus): boolean {
  return status === "running" || status === "waiting_approval";
}

const replaceCard = (items: TranscriptItem[], index: number, card: ToolCard): TranscriptItem[] =>
  items.map((item, i) => (i === index && item.kind === "tool" ? { ...item, card } : item));

/**
 * Folds one stored event into the transcript. Events at or before `lastSeq` are ignored, so the
 * socket's replay and the polling fallback may both deliver the same event safely.
 */
export function applyEvent(t: Transcript, e: SessionEvent): Transcript {
  if (e.seq <= t.lastSeq) return t;
  const next: Transcript = { ...t, lastSeq: e.seq };
  const key = `e${e.seq}`;
  switch (e.type) {
    case "user_message":
      return {
        ...next,
        items: [...t.items, { kind: "user", key, at: e.at, content: e.content }],
        lastUserSeq: e.seq,
        status: "running",
        error: null,
        streaming: "",
      };
    case "model_message": {
      const items: TranscriptItem[] =
        e.text === "" ? t.items : [...t.items, { kind: "assistant", key, at: e.at, text: e.text }];
      return { ...next, items, streaming: "", turnStart: items.length };
    }
    case "tool_call": {
      const card: ToolCard = {
        stepId: e.step_id,
        tool: e.tool,
        args: e.args,
        verdict: e.verdict,
        ruleId: e.rule_id ?? null,
        reason: e.reason ?? "",
        approvalId: null,
        warnings: [],
        result: null,
      };
      return { ...next, items: [...t.items, { kind: "tool", key, at: e.at, card }] };
    }
    case "approval_needed": {
      const index = t.items.findIndex((i) => i.kind === "tool" && i.card.stepId === e.step_id);
      const item = t.items[index];
      const items =
        item?.kind === "tool"
          ? replaceCard(t.items, index, { ...item.card, approvalId: e.approval_id })
          : t.items;
      return { ...next, items, status: "waiting_approval" };
    }
    case "warning": {
      const index = t.items.findIndex((i) => i.kind === "tool" && i.card.stepId === e.step_id);
      const item = t.items[index];
      if (item?.kind === "tool") {
        const card = { ...item.card, warnings: [...item.card.warnings, e.message] };
        return { ...next, items: replaceCard(t.items, index, card) };
      }
      return {
        ...next,
        items: [...t.items, { kind: "warning", key, at: e.at, message: e.message }],
      };
    }
    case "tool_result": {
      // The loop finishes a model message's calls one at a time, in order: the result is the
      // first unanswered call of that tool in the latest turn.
      const result = { isError: e.is_error, summary: e.summary };
      const index = t.items.findIndex(
        (i, n) =>
          n >= t.turnStart && i.kind === "tool" && i.card.tool === e.tool && i.card.result === null,
      );
      const item = t.items[index];
      if (item?.kind === "tool") {
        return { ...next, items: replaceCard(t.items, index, { ...item.card, result }) };
      }
      return {
        ...next,
        items: [...t.items, { kind: "result", key, at: e.at, tool: e.tool, ...result }],
      };
    }
    case "anomaly":
      return {
        ...next,
        items: [...t.items, { kind: "anomaly", key, at: e.at, anomaly: e.kind, detail: e.detail }],
      };
    case "model_error": {
      const last = t.items.at(-1);
      const attempts = last?.kind === "model_error" ? last.attempts + 1 : 1;
      const item: TranscriptItem = {
        kind: "model_error",
        key: last?.kind === "model_error" ? last.key : key,
        at: e.at,
        errorKind: e.kind,
        message: plainError(e.message),
        retryAt: e.retry_at ?? null,
        attempts,
      };
      const kept = last?.kind === "model_error" ? t.items.slice(0, -1) : t.items;
      return { ...next, streaming: "", items: [...kept, item] };
    }
    case "status":
      return {
        ...next,
        status: e.status,
        error: e.status === "error" ? (e.error ?? null) : null,
        streaming: isBusy(e.status) ? t.streaming : "",
      };
  }
}

export function applyEvents(t: Transcript, events: readonly SessionEvent[]): Transcript {
  return events.reduce(applyEvent, t);
}

/** Appends streamed model text (transient: not stored, so it carries no seq). */
export function applyDelta(t: Transcript, text: string): Transcript {
  return text === "" ? t : { ...t, streaming: t.streaming + text };
}

/** The card whose approval the session is waiting for, if any. */
export function awaitingApproval(t: Transcript): ToolCard | null {
  if (t.status !== "waiting_approval") return null;
  for (let i = t.items.length - 1; i >= 0; i--) {
    const item = t.items[i]!;
    if (item.kind === "tool" && item.card.approvalId !== null && item.card.result === null) {
      return item.card;
    }
  }
  return null;
}

/** The most recent retry the loop scheduled, while it is still ahead. */
export function pendingRetry(t: Transcript, now: number): string | null {
  if (t.status !== "running") return null;
  const last = t.items.at(-1);
  if (last?.kind !== "model_error" || last.retryAt === null) return null;
  return Date.parse(last.retryAt) > now ? last.retryAt : null;
}
