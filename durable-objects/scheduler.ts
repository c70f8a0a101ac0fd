import type { Clock } from "../core/clock";

/** A part of the tenant object with work at a time (approval expiry, sink delivery, …). */
export interface TimedWork {
  /** Names it in the log when it fails (never more than the error's name). */
  readonly name: string;
  /** Cheap bookkeeping after every change to the tenant, inside the request (e.g. expiring). */
  afterChange?(now: number): void | Promise<void>;
  /** The earliest time it has work (`now` or before when it has some already), or null. */
  nextDue(now: number): number | null;
  /** Does the work that is due; run by the alarm. */
  runDue(now: number): void | Promise<void>;
}

/** The slice of `DurableObjectStorage` the scheduler uses. */
export interface AlarmStorage {
  getAlarm(): Promise<number | null>;
  setAlarm(at: number): Promise<void>;
}

/** A part whose work threw is tried again after this long, not in a tight loop. */
export const FAILED_WORK_RETRY_MS = 30_000;

/**
 * The object's one alarm, shared by every part with timed work: after a change it runs each
 * part's bookkeeping and moves the alarm earlier if some part is due sooner; the alarm runs what
 * is due. A part that throws neither stops the others nor loses the alarm: it is retried later.
 */
export class AlarmScheduler {
  constructor(
    private readonly storage: AlarmStorage,
    private readonly clock: Clock,
    private readonly work: readonly TimedWork[],
    private readonly report: (name: string, error: unknown) => void,
  ) {}

  /** After every change: each part's bookkeeping, then the alarm for the earliest due work. */
  async afterChange(failed: ReadonlySet<string> = new Set()): Promise<void> {
    const now = this.clock.now();
    const failing = new Set(failed);
    for (const w of this.work) {
      if (w.afterChange && !(await this.attempt(w, () => w.afterChange!(now)))) failing.add(w.name);
    }
    let next = Infinity;
    for (const w of this.work) {
      let due: number | null;
      try {
        due = w.nextDue(now);
      } catch (e) {
        this.report(w.name, e);
        failing.add(w.name);
        due = now;
      }
      if (due === null) continue;
      next = Math.min(next, failing.has(w.name) ? Math.max(due, now + FAILED_WORK_RETRY_MS) : due);
    }
    if (!Number.isFinite(next)) return;
    const current = await this.storage.getAlarm();
    if (current === null || current > next) await this.storage.setAlarm(next);
  }

  /** The alarm: runs every part that is due, in order, then sets the next alarm. */
  async alarm(): Promise<void> {
    const failed = new Set<string>();
    for (const w of this.work) {
      const now = this.clock.now();
      let due: number | null;
      try {
        due = w.nextDue(now);
      } catch (e) {
        this.report(w.name, e);
        failed.add(w.name);
        continue;
      }
      if (due !== null && due <= now && !(await this.attempt(w, () => w.runDue(now))))
        failed.add(w.name);
    }
    await this.afterChange(failed);
  }

  private async attempt(w: TimedWork, run: () => void | Promise<void>): Promise<boolean> {
    try {
      await run();
      return true;
    } catch (e) {
      this.report(w.name, e);
      return false;
    }
  }
}
