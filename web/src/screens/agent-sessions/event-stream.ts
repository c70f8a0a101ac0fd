import { parseStreamItem } from "../../agent-session-events";
import type { SessionEvent } from "../../agent-session-events";

/** live: the socket is open; polling: it failed, so the JSON endpoint is read every 2 s. */
export type StreamMode = "connecting" | "live" | "polling";

/** The part of `WebSocket` the stream uses (a fake one in tests). */
export interface SocketLike {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface EventStreamOptions {
  /** The socket's address for events after `after`. */
  socketUrl: (after: number) => string;
  /** Stored events after `after`, from the JSON endpoint. */
  fetchEvents: (after: number) => Promise<SessionEvent[]>;
  /** The last seq applied so far: reconnects and polls continue from it. */
  lastSeq: () => number;
  onEvent: (event: SessionEvent) => void;
  onDelta: (text: string) => void;
  onMode: (mode: StreamMode) => void;
  /** A poll failed (or succeeded again: null). */
  onPollError?: (error: unknown) => void;
  openSocket?: (url: string) => SocketLike;
  timers?: Timers;
}

export const POLL_MS = 2000;
/** Keeps idle connections from being dropped by proxies; the Durable Object answers "pong". */
export const PING_MS = 25_000;
const MAX_BACKOFF_MS = 30_000;

/** Wait before reconnect attempt `attempt` (1, 2, …): 1 s, 2 s, 4 s … at most 30 s. */
export function backoffDelay(attempt: number): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, attempt - 1));
}

const browserTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
};

/**
 * Follows a session's events: the WebSocket first (it replays stored events after `lastSeq`,
 * then pushes new ones and the streamed text); when it fails, reconnects with backoff and, until
 * it is back, polls the JSON endpoint every 2 s. Delivers an event more than once at worst
 * (replay and poll overlap): the consumer ignores seqs it has already applied.
 */
export function openEventStream(opts: EventStreamOptions): { close(): void } {
  const timers = opts.timers ?? browserTimers;
  const open = opts.openSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  let closed = false;
  let socket: SocketLike | null = null;
  let attempt = 0;
  let reconnectTimer: unknown = null;
  let pollTimer: unknown = null;
  let pingTimer: unknown = null;
  let polling = false;

  const setMode = (mode: StreamMode) => {
    if (!closed) opts.onMode(mode);
  };

  const poll = async () => {
    if (polling || closed) return;
    polling = true;
    try {
      const events = await opts.fetchEvents(opts.lastSeq());
      if (!closed) {
        for (const e of events) opts.onEvent(e);
        opts.onPollError?.(null);
      }
    } catch (error) {
      if (!closed) opts.onPollError?.(error);
    } finally {
      polling = false;
    }
  };

  const startPolling = () => {
    if (pollTimer !== null) return;
    void poll();
    pollTimer = timers.setInterval(() => void poll(), POLL_MS);
  };

  const stopPolling = () => {
    if (pollTimer !== null) timers.clearInterval(pollTimer);
    pollTimer = null;
  };

  const stopPing = () => {
    if (pingTimer !== null) timers.clearInterval(pingTimer);
    pingTimer = null;
  };

  const connect = () => {
    reconnectTimer = null;
    if (closed) return;
    let current: SocketLike;
    try {
      current = open(opts.socketUrl(opts.lastSeq()));
    } catch {
      failed(null);
      return;
    }
    socket = current;
    let done = false;
    current.onopen = () => {
      if (closed || done) return;
      attempt = 0;
      stopPolling();
      opts.onPollError?.(null);
      setMode("live");
      stopPing();
      pingTimer = timers.setInterval(() => {
        try {
          current.send("ping");
        } catch {
          // Closing: onclose follows.
        }
      }, PING_MS);
    };
    current.onmessage = (message) => {
      if (closed || done) return;
      const item = parseStreamItem(message.data);
      if (item === null) return;
      if (item.type === "model_delta") opts.onDelta(item.text);
      else opts.onEvent(item);
    };
    // A refused upgrade fires error and then close: handle the failure once.
    const lost = () => {
      if (done) return;
      done = true;
      failed(current);
    };
    current.onerror = lost;
    current.onclose = lost;
  };

  function failed(which: SocketLike | null) {
    if (closed) return;
    if (which !== null && which !== socket) return;
    socket = null;
    stopPing();
    attempt += 1;
    setMode("polling");
    startPolling();
    reconnectTimer = timers.setTimeout(connect, backoffDelay(attempt));
  }

  setMode("connecting");
  connect();

  return {
    close() {
      if (closed) return;
      closed = true;
      stopPolling();
      stopPing();
      if (reconnectTimer !== null) timers.clearTimeout(reconnectTimer);
      const s = socket;
      socket = null;
      if (s) {
        s.onopen = s.onmessage = s.onerror = s.onclose = null;
        try {
          s.close(1000, "leaving");
        } catch {
          // Already closed.
        }
      }
    },
  };
}
