import { describe, expect, it } from "vitest";
import { AlarmScheduler, type TimedWork } from "../../durable-objects/scheduler";

/** The alarm slice of DO storage: one alarm, and every `setAlarm` call kept. */
function fakeStorage(alarm: number | null = null) {
  const sets: number[] = [];
  return {
    sets,
    get alarm() {
      return alarm;
    },
    getAlarm: () => Promise.resolve(alarm),
    setAlarm: (at: number) => {
      sets.push(at);
      alarm = at;
      return Promise.resolve();
    },
  };
}

const clockAt = (t: number) => ({ now: () => t });

/** A part that records what ran, due at `due` (null: nothing to do). */
function part(name: string, log: string[], due: number | null, extra: Partial<TimedWork> = {}) {
  const w: TimedWork = {
    name,
    afterChange: (now) => void log.push(`${name}.afterChange@${now}`),
    nextDue: () => due,
    runDue: (now) => void log.push(`${name}.runDue@${now}`),
    ...extra,
  };
  return w;
}

const boom = () => {
  throw new TypeError("secret-looking message sk-live-123");
};

describe("AlarmScheduler.afterChange", () => {
  it("runs every part's bookkeeping in order and sets the alarm to the earliest due time", async () => {
    const storage = fakeStorage();
    const log: string[] = [];
    const s = new AlarmScheduler(
      storage,
      clockAt(1_000),
      [part("a", log, 9_000), part("b", log, null), part("c", log, 4_000)],
      () => {},
    );
    await s.afterChange();
    expect(log).toEqual(["a.afterChange@1000", "b.afterChange@1000", "c.afterChange@1000"]);
    expect(storage.sets).toEqual([4_000]);
  });

  it("moves the alarm only earlier, never later, and leaves it alone with nothing due", async () => {
    const storage = fakeStorage(3_000);
    const log: string[] = [];
    await new AlarmScheduler(
      storage,
      clockAt(1_000),
      [part("a", log, 5_000)],
      () => {},
    ).afterChange();
    expect(storage.sets).toEqual([]);
    await new AlarmScheduler(
      storage,
      clockAt(1_000),
      [part("a", log, null)],
      () => {},
    ).afterChange();
    expect(storage.sets).toEqual([]);
    await new AlarmScheduler(
      storage,
      clockAt(1_000),
      [part("a", log, 2_000)],
      () => {},
    ).afterChange();
    expect(storage.sets).toEqual([2_000]);
    expect(storage.alarm).toBe(2_000);
  });

  it("a part whose bookkeeping throws stops neither the others nor the alarm", async () => {
    const storage = fakeStorage();
    const log: string[] = [];
    const reported: string[] = [];
    const s = new AlarmScheduler(
      storage,
      clockAt(1_000),
      [part("a", log, 1_500, { afterChange: boom }), part("b", log, 60_000)],
      (name, e) => reported.push(`${name}:${(e as Error).name}`),
    );
    await expect(s.afterChange()).resolves.toBeUndefined();
    expect(log).toEqual(["b.afterChange@1000"]);
    expect(reported).toEqual(["a:TypeError"]);
    // Retried 30 s later rather than at once: a part that keeps failing does not spin the alarm.
    expect(storage.sets).toEqual([31_000]);
  });
});

describe("AlarmScheduler.alarm", () => {
  it("runs only the parts that are due, then every part's bookkeeping, then sets the next alarm", async () => {
    const storage = fakeStorage();
    const log: string[] = [];
    const s = new AlarmScheduler(
      storage,
      clockAt(5_000),
      [
        part("past", log, 4_000, { afterChange: undefined }),
        part("future", log, 8_000, { afterChange: undefined }),
        part("idle", log, null, { afterChange: undefined }),
        part("now", log, 5_000),
      ],
      () => {},
    );
    await s.alarm();
    expect(log).toEqual(["past.runDue@5000", "now.runDue@5000", "now.afterChange@5000"]);
    // The fake parts stay due after running; the earliest time wins.
    expect(storage.sets).toEqual([4_000]);
  });

  it("a part that throws does not stop the parts after it, and the alarm is set again", async () => {
    const storage = fakeStorage();
    const log: string[] = [];
    const reported: string[] = [];
    const s = new AlarmScheduler(
      storage,
      clockAt(5_000),
      [
        part("sinks", log, 5_000, { runDue: boom }),
        part("sessions", log, 5_000),
        part("expiry", log, 20_000, { nextDue: boom }),
        part("webhook", log, 5_000, {
          nextDue: () => (log.includes("webhook.runDue@5000") ? 7_000 : 5_000),
        }),
      ],
      (name, e) => reported.push(`${name}:${(e as Error).name}`),
    );
    await expect(s.alarm()).resolves.toBeUndefined();
    expect(log).toContain("sessions.runDue@5000");
    expect(log).toContain("webhook.runDue@5000");
    expect(reported).toEqual(["sinks:TypeError", "expiry:TypeError", "expiry:TypeError"]);
    // The fake sessions stay due (5 000) and win; the failing sinks and expiry wait until 35 000.
    expect(storage.sets).toEqual([5_000]);
  });

  it("after a failure with nothing else due, the failing part is retried 30 s later", async () => {
    const storage = fakeStorage();
    const log: string[] = [];
    const s = new AlarmScheduler(
      storage,
      clockAt(5_000),
      [part("sinks", log, 5_000, { runDue: boom }), part("idle runs", log, 90_000)],
      () => {},
    );
    await s.alarm();
    expect(log).toEqual(["sinks.afterChange@5000", "idle runs.afterChange@5000"]);
    expect(storage.sets).toEqual([35_000]);
  });
});
