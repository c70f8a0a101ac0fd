import { clock, testClock } from "../../platform/clock";

/**
 * Moves the server's clock (platform/clock.ts) instead of rewriting timestamp rows or sleeping. The
 * tests, the Worker (SELF.fetch) and the Durable Objects share one isolate in vitest-pool-workers,
 * so this is the clock they all read. `tests/helpers/clock-setup.ts` puts it back after each test.
 * A DO alarm is due on the moved clock, not the wall clock: run it with `runDurableObjectAlarm`
 * instead of waiting for workerd to fire it.
 */
export function useTestClock() {
  return {
    /** Moves "now" forward by `ms` for every server module. */
    advance: (ms: number) => testClock.advance(ms),
    /** What the server reads as "now". */
    now: () => clock.now(),
  };
}
