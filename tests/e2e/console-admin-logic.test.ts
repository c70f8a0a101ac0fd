import { describe, expect, it } from "vitest";
import { MAX_POLICY_SOURCE_CHARS } from "../../core/policy/limits";
import { actorName } from "../../web/src/actor-names";
import { ApiError } from "../../web/src/api";
import { failureKind } from "../../web/src/components/LoadFailure";
import { plainError } from "../../web/src/format";
import { lintPolicy } from "../../web/src/policy-lint";
import { applyEvent, emptyTranscript } from "../../web/src/screens/agent-sessions/transcript";
import type { SessionEvent } from "../../web/src/agent-session-events";
import { queryString } from "../../core/contract/client";
import { auditSearch } from "../../web/src/tenant-api";

const AT = "2026-12-01T10:00:00.000Z";
let seq = 0;
const ev = (e: Record<string, unknown> & { type: string }): SessionEvent =>
  ({ seq: ++seq, at: AT, ...e }) as unknown as SessionEvent;

describe("issue 17 console logic", () => {
  it("summarises failed model-call retries in one line, without runtime internals", () => {
    let t = emptyTranscript("running");
    t = applyEvent(t, ev({ type: "user_message", content: "hi" }));
    for (let i = 0; i < 3; i++) {
      t = applyEvent(
        t,
        ev({
          type: "model_error",
          kind: "network",
          message: "internal error; reference = 7f3a9c2e1b",
          retry_at: AT,
        }),
      );
    }
    const errors = t.items.filter((i) => i.kind === "model_error");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ attempts: 3 });
    expect(JSON.stringify(t.items)).not.toContain("reference");
    // A later, separate failure starts a new line.
    t = applyEvent(t, ev({ type: "user_message", content: "again" }));
    t = applyEvent(
      t,
      ev({ type: "model_error", kind: "overloaded", message: "busy", retry_at: null }),
    );
    expect(t.items.filter((i) => i.kind === "model_error")).toHaveLength(2);
    expect(plainError("The provider answered 529")).toBe("The provider answered 529");
  });

  it("tells not-found, expired, forbidden and offline apart", () => {
    expect(failureKind(new ApiError(0, "network_error", "x"))).toBe("offline");
    expect(failureKind(new ApiError(404, "not_found", "x"))).toBe("not-found");
    expect(failureKind(new ApiError(400, "invalid_request", "The request is not valid."))).toBe(
      "not-found",
    );
    expect(failureKind(new ApiError(400, "invalid_invite", "This invitation has expired."))).toBe(
      "unusable",
    );
    expect(failureKind(new ApiError(410, "transfer_expired", "x"))).toBe("expired");
    expect(failureKind(new ApiError(403, "forbidden", "x"))).toBe("forbidden");
    expect(failureKind(new ApiError(500, "internal", "x"))).toBe("other");
  });

  it("lint refuses what the server would not store", () => {
    const head = "version: 1\nrules: []\n# ";
    const fits = head + "x".repeat(MAX_POLICY_SOURCE_CHARS - head.length);
    expect(lintPolicy(fits).errors).toBe(0);
    const over = lintPolicy(fits + "x");
    expect(over.ok).toBe(false);
    expect(over.diagnostics[0]!.message).toContain(String(MAX_POLICY_SOURCE_CHARS));
  });

  it("names actors, with the id only as a fallback", () => {
    const names = {
      emails: new Map([["u1", "ana@example.com"]]),
      tokens: new Map([["t1", "deploy bot"]]),
      agents: new Map([["run_1", "Invoice bot"]]),
    };
    expect(actorName({ kind: "user", id: "u1" }, names)).toBe("ana@example.com");
    expect(actorName({ kind: "token", id: "t1" }, names)).toBe("token “deploy bot”");
    expect(actorName({ kind: "agent", id: "run_1" }, names)).toBe("agent “Invoice bot”");
    expect(actorName({ kind: "token", id: "fc174b15-aaaa" }, names)).toBe(
      "an API token (fc174b15)",
    );
  });

  it("builds the audit browser's query, leaving out empty filters", () => {
    expect(
      queryString(
        auditSearch({ order: "desc", limit: 50, before: 120, type: "", q: "needle", actor: "u1" }),
      ),
    ).toBe("?order=desc&limit=50&before=120&q=needle&actor=u1");
  });
});
