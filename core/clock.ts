/**
 * Where "now" comes from, in milliseconds since the epoch (how Gatehouse stores time). core/ never
 * reads the system clock (the lint forbids `Date.now` here): callers pass a Clock in, so a test
 * can move time forward instead of rewriting timestamp rows or sleeping. The plan for wiring it
 * through the Worker and the Durable Object is in docs/architecture.md, "Time".
 */
export interface Clock {
  now(): number;
}
