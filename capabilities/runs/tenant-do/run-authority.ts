import { can, isRole } from "../../../core/permissions";
import type { Action, Role } from "../../../core/permissions";
import type { AuditLog } from "../../audit/tenant-do/audit-log";
import { fail, ok, type Result } from "../../../platform/result";
import type { D1Port } from "../../../platform/ports";
import type { Actor } from "../../../platform/tenant-types";
import { database } from "../../../platform/db/client";
import { roleOf } from "../../tenancy/member-repository";
import { liveTokenRole } from "../../tokens/repository";

/** Why a run token stopped working: the authority that opened the run is gone or too low. */
export type RevocationCause = "member_removed" | "role_too_low" | "token_revoked";

/** Why a run token is refused without its authority being gone: the run or the token moved on. */
type SupersededCause = "run_closed" | "token_reissued";

type Authority = { role: Role } | { role: null; cause: RevocationCause };

/**
 * A backstop only: every change to memberships or API tokens clears the cache at once
 * (`forget`), so the TTL bounds staleness only if such a notification were lost.
 */
export const AUTHORITY_CACHE_TTL_MS = 60_000;

const REVOCATION_MESSAGES: Record<RevocationCause, string> = {
  member_removed: "The person who opened this run is no longer a member of the tenant.",
  role_too_low: "The person who opened this run no longer has a role that may run agents.",
  token_revoked: "The API token that opened this run was revoked or has expired.",
};

const SUPERSEDED_MESSAGES: Record<SupersededCause, string> = {
  run_closed: "The run is closed.",
  token_reissued: "A newer token was issued for this run.",
};

/**
 * Run tokens are bound to the live authority of whoever opened the run: the opener's membership
 * and role (or the opening API token's state) are checked on every use of the token. Answers
 * from D1 are cached in memory per opener; the Worker calls `forget` after every membership or
 * token change, and a generation counter keeps a D1 read that raced with such a change from
 * refilling the cache with what it read before. Once refused, a run's token stays refused (the
 * run row records it) and the refusal is written to the audit log once.
 */
export class RunAuthority {
  private readonly cache = new Map<string, { authority: Authority; checkedAt: number }>();
  private generation = 0;

  constructor(
    private readonly sql: SqlStorage,
    private readonly audit: AuditLog,
    private readonly db: D1Port,
    private readonly tenantId: () => string,
  ) {}

  forget(): void {
    this.generation++;
    this.cache.clear();
  }

  async check(
    runId: string,
    action: Action,
    generation: number,
    now: number,
  ): Promise<Result<null>> {
    const run = this.runRow(runId);
    if (!run) return fail("not_found", "Run not found.");
    if (run.token_revoked_reason) return revoked(run.token_revoked_reason as RevocationCause);
    if (run.status !== "open") return superseded("run_closed");
    if (generation !== run.token_generation) return superseded("token_reissued");
    const opener = JSON.parse(run.created_by) as Actor;
    const authority = await this.authorityOf(opener, now);
    const cause: RevocationCause | null =
      authority.role === null
        ? authority.cause
        : can(authority.role, "runs.create") && can(authority.role, action)
          ? null
          : "role_too_low";
    if (cause === null) return ok(null);
    this.audit.atomically(() => {
      const changed = this.sql.exec(
        `UPDATE runs SET token_revoked_at = ?, token_revoked_reason = ?
          WHERE id = ? AND token_revoked_reason IS NULL`,
        now,
        cause,
        runId,
      ).rowsWritten;
      if (changed === 0) return;
      this.audit.append({
        type: "run.token_revoked",
        runId,
        stepId: null,
        actor: { kind: "system", id: "run-authority" },
        data: { cause, opener: { kind: opener.kind, id: opener.id } },
        now,
      });
    });
    return revoked(cause);
  }

  private runRow(id: string) {
    return this.sql
      .exec<{
        created_by: string;
        token_revoked_reason: string | null;
        status: string;
        token_generation: number;
      }>(
        `SELECT created_by, token_revoked_reason, status, token_generation FROM runs WHERE id = ?`,
        id,
      )
      .toArray()[0];
  }

  private async authorityOf(opener: Actor, now: number): Promise<Authority> {
    const key = `${opener.kind}:${opener.id}`;
    const hit = this.cache.get(key);
    if (hit && now - hit.checkedAt < AUTHORITY_CACHE_TTL_MS) return hit.authority;
    const generation = this.generation;
    const authority = await this.read(opener, now);
    if (generation === this.generation) this.cache.set(key, { authority, checkedAt: now });
    return authority;
  }

  private async read(opener: Actor, now: number): Promise<Authority> {
    const tenantId = this.tenantId();
    if (opener.kind === "user") {
      const role = await roleOf(database(this.db), tenantId, opener.id);
      return role && isRole(role) ? { role } : { role: null, cause: "member_removed" };
    }
    if (opener.kind === "token") {
      const role = await liveTokenRole(database(this.db), tenantId, opener.id, now);
      return role && isRole(role) ? { role } : { role: null, cause: "token_revoked" };
    }
    // Runs opened by the platform itself (hosted sessions) never had a run token to honour.
    return { role: null, cause: "token_revoked" };
  }
}

const revoked = (cause: RevocationCause) =>
  fail("run_token_revoked", `This run token no longer works: ${REVOCATION_MESSAGES[cause]}`, [
    { path: "cause", message: cause },
  ]);

const superseded = (cause: SupersededCause) =>
  fail("run_token_revoked", `This run token no longer works: ${SUPERSEDED_MESSAGES[cause]}`, [
    { path: "cause", message: cause },
  ]);
