import { AgentSessionStreamItem } from "../../core/contract/agent-session-events";
import type {
  AgentSessionEvent,
  ModelDelta,
  SessionStatus,
} from "../../core/contract/agent-session-events";

/** A stored event of a session's timeline (the contract's union); `seq` counts from 1. */
export type SessionEvent = AgentSessionEvent;
export type { ModelDelta, SessionStatus };

/**
 * One message from the event socket or one entry of the JSON endpoint, checked against the
 * contract; null for anything else (the `pong` heartbeat, event types a newer server adds,
 * malformed data).
 */
export function parseStreamItem(raw: unknown): SessionEvent | ModelDelta | null {
  let value = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      return null;
    }
  }
  const parsed = AgentSessionStreamItem.safeParse(value);
  return parsed.success ? parsed.data : null;
}
