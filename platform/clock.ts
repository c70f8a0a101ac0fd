import type { Clock } from "../core/clock";

/**
 * The server's one clock: every Worker and Durable Object module reads "now" here, never
 * `Date.now()` (the lint forbids it in workers/ and durable-objects/). It is the system clock plus
 * an offset that only tests move (`tests/helpers/clock.ts`): vitest-pool-workers runs the tests,
 * the Worker and the Durable Objects in one isolate, so they all share this module.
 */
let offsetMs = 0;
/** Set by the workers test setup for a development deployment only (see `testClock.arm`). */
let movable = false;

export const clock: Clock = {
  now: () => Date.now() + offsetMs,
};

/**
 * Test-only: move the clock. Refused until the test setup arms it for a deployment whose
 * `ENVIRONMENT` is `development` (tests run as development; production never arms it), and
 * imported only from tests/ (lint rule). No `cloudflare:` import here: Node tests load this module.
 */
export const testClock = {
  arm(environment: string): void {
    if (environment !== "development") throw new Error("the clock moves only in development");
    movable = true;
  },
  advance(ms: number): void {
    if (!movable) throw new Error("the clock moves only in development");
    if (!Number.isFinite(ms) || ms < 0) throw new Error("the clock only moves forward");
    offsetMs += ms;
  },
  reset(): void {
    offsetMs = 0;
  },
  get offsetMs(): number {
    return offsetMs;
  },
};
