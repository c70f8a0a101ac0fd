/**
 * The lifecycle of a hosted agent session: its states, the events that move it, and the one
 * function that decides each move. Pure: the DO reads the state from SQLite, calls `transition`,
 * and writes back what it returns (see docs/architecture.md, "Agent-session lifecycle").
 */

/** Model calls allowed per user message before the loop stops itself. */
export const MAX_TURNS = 20;
/** Retryable model failures in a row before the session gives up. */
export const MAX_MODEL_RETRIES = 5;
/** The longest backoff between two attempts when the provider does not say (seconds). */
const MAX_BACKOFF_SECONDS = 30;

export type AgentSessionStatus = "idle" | "running" | "waiting_approval" | "error" | "cancelled";

/** A session's state; each counter exists only in the states where it means something. */
export type AgentSessionState =
  | { status: "idle" }
  /** `turns`: model calls since the last user message; `retries`: failed attempts in a row. */
  | { status: "running"; turns: number; retries: number; retryAt: number | null }
  | { status: "waiting_approval"; turns: number }
  | { status: "error"; error: string }
  | { status: "cancelled" };

export type LifecycleEvent =
  /** A person sent a message: the loop starts again with a fresh turn budget. */
  | { type: "message_sent" }
  /** The loop is about to call the model. */
  | { type: "turn_started" }
  /** The model answered (text and/or tool calls). */
  | { type: "model_answered" }
  | {
      type: "model_failed";
      retryable: boolean;
      message: string;
      /** The provider's Retry-After, when it sent one. */
      retryAfterSeconds: number | null;
      now: number;
    }
  /** A tool call waits for a person's decision. */
  | { type: "approval_requested" }
  /** That decision was made (approved, denied, expired, or the run was cancelled). */
  | { type: "approval_settled" }
  /** The model's last message asked for nothing more: the agent is done. */
  | { type: "agent_finished" }
  /** The loop cannot go on (its provider went away, its key is missing…). */
  | { type: "failed"; error: string }
  | { type: "cancel_requested" };

export type LifecycleEffect =
  /** Tell watchers the new status with a `status` event. */
  | { type: "announce_status" }
  /** Run the loop again at `at` (the next model attempt). */
  | { type: "wake_at"; at: number };

export type TransitionRefusal = {
  ok: false;
  code: "session_busy" | "session_closed" | "illegal_transition";
  message: string;
};

export type Transition =
  { ok: true; state: AgentSessionState; effects: LifecycleEffect[] } | TransitionRefusal;

const announced = (state: AgentSessionState): Transition => ({
  ok: true,
  state,
  effects: [{ type: "announce_status" }],
});
const quiet = (state: AgentSessionState): Transition => ({ ok: true, state, effects: [] });

const illegal = (state: AgentSessionState, event: LifecycleEvent): TransitionRefusal => ({
  ok: false,
  code: "illegal_transition",
  message: `A session that is ${state.status} cannot take ${event.type}.`,
});

const busy: TransitionRefusal = {
  ok: false,
  code: "session_busy",
  message: "The agent is still working; wait for it to finish.",
};

/** The seconds to wait before attempt `retries + 1`: 1, 2, 4, … up to 30, unless the provider said. */
export function backoffSeconds(retries: number, retryAfterSeconds: number | null): number {
  return retryAfterSeconds ?? Math.min(MAX_BACKOFF_SECONDS, 2 ** (retries - 1));
}

/** The only way a session's state changes; a move not listed here is refused. */
export function transition(state: AgentSessionState, event: LifecycleEvent): Transition {
  if (event.type === "cancel_requested") {
    if (state.status === "cancelled") return illegal(state, event);
    return announced({ status: "cancelled" });
  }
  switch (state.status) {
    case "idle":
    case "error":
      if (event.type === "message_sent")
        return announced({ status: "running", turns: 0, retries: 0, retryAt: null });
      return illegal(state, event);
    case "cancelled":
      if (event.type === "message_sent")
        return { ok: false, code: "session_closed", message: "The session was cancelled." };
      return illegal(state, event);
    case "waiting_approval":
      if (event.type === "message_sent") return busy;
      if (event.type === "approval_settled")
        return announced({ status: "running", turns: state.turns, retries: 0, retryAt: null });
      return illegal(state, event);
    case "running":
      return fromRunning(state, event);
  }
}

function fromRunning(
  state: Extract<AgentSessionState, { status: "running" }>,
  event: Exclude<LifecycleEvent, { type: "cancel_requested" }>,
): Transition {
  switch (event.type) {
    case "message_sent":
      return busy;
    case "turn_started":
      if (state.turns >= MAX_TURNS)
        return announced({
          status: "error",
          error: `stopped after ${MAX_TURNS} model calls without finishing`,
        });
      return quiet({ ...state, turns: state.turns + 1 });
    case "model_answered":
      return quiet({ ...state, retries: 0, retryAt: null });
    case "model_failed": {
      const retries = state.retries + 1;
      if (!event.retryable || retries > MAX_MODEL_RETRIES)
        return announced({ status: "error", error: `model call failed: ${event.message}` });
      const at = event.now + backoffSeconds(retries, event.retryAfterSeconds) * 1000;
      return {
        ok: true,
        state: { ...state, retries, retryAt: at },
        effects: [{ type: "wake_at", at }],
      };
    }
    case "approval_requested":
      // The `approval_needed` event that goes with it already says so.
      return quiet({ status: "waiting_approval", turns: state.turns });
    case "agent_finished":
      return announced({ status: "idle" });
    case "failed":
      return announced({ status: "error", error: event.error });
    case "approval_settled":
      return illegal(state, event);
  }
}
