import { describe, expect, it } from "vitest";
import {
  backoffSeconds,
  transition,
  type AgentSessionState,
  type LifecycleEvent,
  type Transition,
} from "../../../core/agent-sessions/lifecycle";

const NOW = 1_000_000;
const idle: AgentSessionState = { status: "idle" };
const running = (turns = 0, retries = 0, retryAt: number | null = null): AgentSessionState => ({
  status: "running",
  turns,
  retries,
  retryAt,
});
const waiting: AgentSessionState = { status: "waiting_approval", turns: 3 };
const failedState: AgentSessionState = { status: "error", error: "model call failed: boom" };
const cancelled: AgentSessionState = { status: "cancelled" };

const serverError: LifecycleEvent = {
  type: "model_failed",
  retryable: true,
  message: "oops",
  retryAfterSeconds: null,
  now: NOW,
};

const EVENTS: LifecycleEvent[] = [
  { type: "message_sent" },
  { type: "turn_started" },
  { type: "model_answered" },
  serverError,
  { type: "approval_requested" },
  { type: "approval_settled" },
  { type: "agent_finished" },
  { type: "failed", error: "provider gone" },
  { type: "cancel_requested" },
];
const STATES: AgentSessionState[] = [idle, running(2), waiting, failedState, cancelled];

function accepted(step: Transition) {
  if (!step.ok) throw new Error(`refused: ${step.code}`);
  return step;
}

/** Applies events in order, failing on the first refusal. */
function run(state: AgentSessionState, events: LifecycleEvent[]): AgentSessionState {
  return events.reduce((s, e) => accepted(transition(s, e)).state, state);
}

describe("the allowed moves", () => {
  it("accepts exactly the moves of the lifecycle table and refuses every other", () => {
    const table: Record<string, string> = {};
    for (const state of STATES)
      for (const event of EVENTS) {
        const step = transition(state, event);
        table[`${state.status} + ${event.type}`] = step.ok ? step.state.status : step.code;
      }
    expect(table).toEqual({
      "idle + message_sent": "running",
      "idle + turn_started": "illegal_transition",
      "idle + model_answered": "illegal_transition",
      "idle + model_failed": "illegal_transition",
      "idle + approval_requested": "illegal_transition",
      "idle + approval_settled": "illegal_transition",
      "idle + agent_finished": "illegal_transition",
      "idle + failed": "illegal_transition",
      "idle + cancel_requested": "cancelled",
      "running + message_sent": "session_busy",
      "running + turn_started": "running",
      "running + model_answered": "running",
      "running + model_failed": "running",
      "running + approval_requested": "waiting_approval",
      "running + approval_settled": "illegal_transition",
      "running + agent_finished": "idle",
      "running + failed": "error",
      "running + cancel_requested": "cancelled",
      "waiting_approval + message_sent": "session_busy",
      "waiting_approval + turn_started": "illegal_transition",
      "waiting_approval + model_answered": "illegal_transition",
      "waiting_approval + model_failed": "illegal_transition",
      "waiting_approval + approval_requested": "illegal_transition",
      "waiting_approval + approval_settled": "running",
      "waiting_approval + agent_finished": "illegal_transition",
      "waiting_approval + failed": "illegal_transition",
      "waiting_approval + cancel_requested": "cancelled",
      "error + message_sent": "running",
      "error + turn_started": "illegal_transition",
      "error + model_answered": "illegal_transition",
      "error + model_failed": "illegal_transition",
      "error + approval_requested": "illegal_transition",
      "error + approval_settled": "illegal_transition",
      "error + agent_finished": "illegal_transition",
      "error + failed": "illegal_transition",
      "error + cancel_requested": "cancelled",
      "cancelled + message_sent": "session_closed",
      "cancelled + turn_started": "illegal_transition",
      "cancelled + model_answered": "illegal_transition",
      "cancelled + model_failed": "illegal_transition",
      "cancelled + approval_requested": "illegal_transition",
      "cancelled + approval_settled": "illegal_transition",
      "cancelled + agent_finished": "illegal_transition",
      "cancelled + failed": "illegal_transition",
      "cancelled + cancel_requested": "illegal_transition",
    });
  });

  it("gives the messages a person sees for a busy or a cancelled session", () => {
    expect(transition(running(), { type: "message_sent" })).toEqual({
      ok: false,
      code: "session_busy",
      message: "The agent is still working; wait for it to finish.",
    });
    expect(transition(cancelled, { type: "message_sent" })).toEqual({
      ok: false,
      code: "session_closed",
      message: "The session was cancelled.",
    });
  });

  it("never changes the state it is given", () => {
    for (const state of STATES)
      for (const event of EVENTS) {
        const frozen = Object.freeze({ ...state });
        transition(frozen, event);
        expect(frozen).toEqual(state);
      }
  });
});

describe("announcements", () => {
  it("announces a status change, except the wait for approval (approval_needed says it)", () => {
    expect(accepted(transition(idle, { type: "message_sent" }))).toEqual({
      ok: true,
      state: { status: "running", turns: 0, retries: 0, retryAt: null },
      effects: [{ type: "announce_status" }],
    });
    expect(accepted(transition(running(4), { type: "approval_requested" }))).toEqual({
      ok: true,
      state: { status: "waiting_approval", turns: 4 },
      effects: [],
    });
    expect(accepted(transition(running(4), { type: "agent_finished" })).effects).toEqual([
      { type: "announce_status" },
    ]);
    expect(accepted(transition(running(4), { type: "turn_started" })).effects).toEqual([]);
    expect(accepted(transition(running(4), { type: "model_answered" })).effects).toEqual([]);
  });
});

describe("the turn limit", () => {
  it("allows 20 model calls per user message, stops at the 21st, and resets on the next message", () => {
    const turn: LifecycleEvent = { type: "turn_started" };
    const twenty = run(idle, [{ type: "message_sent" }, ...Array<LifecycleEvent>(20).fill(turn)]);
    expect(twenty).toEqual({ status: "running", turns: 20, retries: 0, retryAt: null });
    const stopped = accepted(transition(twenty, turn));
    expect(stopped.state).toEqual({
      status: "error",
      error: "stopped after 20 model calls without finishing",
    });
    expect(stopped.effects).toEqual([{ type: "announce_status" }]);
    expect(run(stopped.state, [{ type: "message_sent" }, turn])).toEqual(running(1));
  });

  it("keeps counting while a tool call waits for approval", () => {
    const turn: LifecycleEvent = { type: "turn_started" };
    const resumed = run(running(), [
      turn,
      turn,
      { type: "approval_requested" },
      { type: "approval_settled" },
      turn,
    ]);
    expect(resumed).toEqual(running(3));
  });
});

describe("model retries", () => {
  it("backs off 1, 2, 4, 8, 16 seconds and gives up on the sixth failure in a row", () => {
    let state = running(1);
    const wakes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const step = accepted(transition(state, { ...serverError, now: NOW }));
      expect(step.effects).toHaveLength(1);
      const [effect] = step.effects;
      if (effect?.type !== "wake_at") throw new Error("expected a wake-up");
      wakes.push(effect.at);
      state = step.state;
    }
    expect(wakes).toEqual([NOW + 1000, NOW + 2000, NOW + 4000, NOW + 8000, NOW + 16000]);
    expect(state).toEqual(running(1, 5, NOW + 16000));
    const last = accepted(transition(state, serverError));
    expect(last.state).toEqual({ status: "error", error: "model call failed: oops" });
    expect(last.effects).toEqual([{ type: "announce_status" }]);
  });

  it("waits as long as the provider's Retry-After says", () => {
    const step = accepted(transition(running(), { ...serverError, retryAfterSeconds: 7 }));
    expect(step.state).toEqual(running(0, 1, NOW + 7000));
    expect(step.effects).toEqual([{ type: "wake_at", at: NOW + 7000 }]);
  });

  it("stops at once on a failure that is not worth retrying", () => {
    const step = accepted(
      transition(running(2), { ...serverError, retryable: false, message: "invalid x-api-key" }),
    );
    expect(step.state).toEqual({ status: "error", error: "model call failed: invalid x-api-key" });
  });

  it("starts the count again after an answer", () => {
    const answered = run(running(2), [serverError, serverError, { type: "model_answered" }]);
    expect(answered).toEqual(running(2));
    expect(accepted(transition(answered, serverError)).state).toEqual(running(2, 1, NOW + 1000));
  });

  it("caps the backoff at 30 seconds", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffSeconds(n, null))).toEqual([
      1, 2, 4, 8, 16, 30, 30,
    ]);
    expect(backoffSeconds(3, 0)).toBe(0);
  });
});
