import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DOMAIN_ERRORS, domainApiError } from "../../platform/http/domain-errors";

// The union as written in platform/result.ts, read as text so the test does not trust the table.
const union = [
  ...readFileSync(new URL("../../platform/result.ts", import.meta.url), "utf8")
    .split("export type DomainErrorCode =")[1]!
    .split(";")[0]!
    .matchAll(/"([a-z_]+)"/g),
].map((m) => m[1]!);

describe("domain errors → HTTP", () => {
  it("gives every code of the union a 4xx status, and nothing else", () => {
    expect(union.length).toBeGreaterThan(20);
    expect(Object.keys(DOMAIN_ERRORS).sort()).toEqual([...union].sort());
    for (const code of union) {
      const { status } = DOMAIN_ERRORS[code as keyof typeof DOMAIN_ERRORS];
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThan(500);
    }
  });

  it("keeps today's answers, including codes whose wire name differs", () => {
    const answer = (code: keyof typeof DOMAIN_ERRORS) => {
      const e = domainApiError(code, "m");
      return [e.status, e.code];
    };
    expect(answer("not_found")).toEqual([404, "not_found"]);
    expect(answer("tenant_deleted")).toEqual([410, "tenant_deleted"]);
    expect(answer("idempotency_key_reused")).toEqual([422, "idempotency_key_reused"]);
    expect(answer("policy_invalid")).toEqual([400, "policy_invalid"]);
    expect(answer("policy_version_uncompilable")).toEqual([409, "policy_invalid"]);
    expect(answer("run_token_revoked")).toEqual([401, "run_token_revoked"]);
    expect(answer("revoked_token_not_reissued")).toEqual([409, "run_token_revoked"]);
    expect(answer("secret_not_found")).toEqual([404, "not_found"]);
    expect(answer("invalid_value")).toEqual([400, "invalid_request"]);
    expect(answer("destination_refused")).toEqual([403, "destination_refused"]);
  });

  it("carries the message and issues through", () => {
    const e = domainApiError("invalid_range", "bad", [{ path: "to", message: "too far" }]);
    expect(e.body()).toEqual({
      error: {
        code: "invalid_range",
        message: "bad",
        issues: [{ path: "to", message: "too far" }],
      },
    });
  });
});
