import { afterAll, expect } from "vitest";
import { canarySightings, watch } from "./canary-watch";

// Every log line of the Worker and the Durable Objects (they share the test isolate).
for (const level of ["log", "info", "warn", "error", "debug"] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    watch(
      `console.${level}`,
      args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "),
    );
    original(...args);
  };
}

afterAll(() => {
  expect(canarySightings()).toEqual([]);
});
