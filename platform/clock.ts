import { env } from "cloudflare:workers";
import type { Clock } from "../core/clock";

/**
 * The server's one clock: every Worker and Durable Object module reads "now" here, never
 * `Date.now()` (the lint forbids it in workers/ and durable-objects/). It is the system clock plus
 * an offset that only tests move (`tests/helpers/clock.ts`): vitest-pool-workers runs the tests,
 * the Worker and the Durable Objects in one isolate, so they all share this module.
 */
let offsetMs = 0;

export const clock: Clock = {
  now: () => Date.now() + offsetMs,
};

/**
 * Test-only: move the clock. Refused unless the deployment is `ENVIRONMENT=development` (tests run
 * as development; production can never move it), and imported only from tests/ (lint rule).
 */
export const testClock = {
  advance(ms: number): void {
    if (env.ENVIRONMENT !== "development") throw new Error("the clock moves only in development");
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
