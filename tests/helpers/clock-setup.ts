import { env } from "cloudflare:test";
import { afterEach } from "vitest";
import { testClock } from "../../platform/clock";

// Time a test moved forward (tests/helpers/clock.ts) never leaks into the next test.
testClock.arm(env.ENVIRONMENT);
afterEach(() => testClock.reset());
