import { ConfigError, loadConfig } from "../../platform/config";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { database } from "../../platform/db/client";
import { D1Unavailable } from "../../platform/db/resilient";
import { readHealthProbe, writeHealthProbe } from "./repository";
import type { TenantStub } from "../../platform/tenant-stub";
import type { OperatorRpc } from "./tenant-do/rpc";
import { clock } from "../../platform/clock";
import type { Env } from "../../platform/env";

export type DependencyStatus = "ok" | "unavailable" | "read_only" | "error";

export type Health =
  | { status: "ok"; checks: { d1: "ok"; durable_objects: "ok" } }
  | { status: "unavailable"; checks: { d1: DependencyStatus; durable_objects: DependencyStatus } }
  | { status: "misconfigured"; problems: string[] };

/** `/health` writes its probe row at most this often per isolate while D1 is healthy. */
export const WRITE_PROBE_INTERVAL_MS = 5_000;
const DO_TIMEOUT_MS = 2_000;
const lastWrite = new WeakMap<D1Database, number>();

function statusOf(thrown: unknown): DependencyStatus {
  // A single drizzle query wraps the D1 error it met.
  const e = thrown instanceof DrizzleQueryError ? thrown.cause : thrown;
  if (e instanceof D1Unavailable) return e.trouble === "read_only" ? "read_only" : "unavailable";
  return "error";
}

/**
 * A real query against D1: an upsert of the probe row (so read-only mode shows), or — within
 * WRITE_PROBE_INTERVAL_MS of a successful one — a read of it, so an unauthenticated endpoint
 * cannot be used to hammer the database with writes.
 */
async function checkD1(db: D1Database, now: number): Promise<DependencyStatus> {
  try {
    const wroteAt = lastWrite.get(db);
    if (wroteAt !== undefined && now - wroteAt < WRITE_PROBE_INTERVAL_MS) {
      await readHealthProbe(database(db));
      return "ok";
    }
    await writeHealthProbe(database(db), now);
    lastWrite.set(db, now);
    return "ok";
  } catch (e) {
    lastWrite.delete(db);
    return statusOf(e);
  }
}

/** A call into a Durable Object of the namespace (its own, never a tenant's), with a timeout. */
async function checkDurableObjects(ns: Env["TENANT"]): Promise<DependencyStatus> {
  let timer: number | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), DO_TIMEOUT_MS);
  });
  try {
    const stub = ns.getByName("gatehouse/health") as unknown as TenantStub<OperatorRpc>;
    const answer = await Promise.race([stub.health(), timeout]);
    return answer.sqlite ? "ok" : "error";
  } catch {
    return "unavailable";
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/** Configuration, D1 and the Durable Object binding; by name and state only, never a value. */
export async function checkHealth(env: Env, now = clock.now()): Promise<Health> {
  try {
    loadConfig(env);
  } catch (e) {
    const problems = e instanceof ConfigError ? e.problems : ["unknown configuration error"];
    return { status: "misconfigured", problems };
  }
  const [d1, durable_objects] = await Promise.all([
    checkD1(env.DB, now),
    checkDurableObjects(env.TENANT),
  ]);
  if (d1 === "ok" && durable_objects === "ok")
    return { status: "ok", checks: { d1, durable_objects } };
  return { status: "unavailable", checks: { d1, durable_objects } };
}
