import { describe, expect, it } from "vitest";
import { describeSecurityEvent } from "../../web/src/security-log";
import type { SecurityEvent } from "../../web/src/api";

const entry = (kind: string, detail: SecurityEvent["detail"]): SecurityEvent => ({
  id: "e",
  kind,
  detail,
  ip: null,
  created_at: "2026-01-01T00:00:00.000Z",
});

describe("the security log on the account screen", () => {
  it("says what each entry was, in words", () => {
    expect(describeSecurityEvent(entry("sign_in", { method: "passkey", device: "Pixel 8" }))).toBe(
      "Signed in with a passkey on Pixel 8",
    );
    expect(describeSecurityEvent(entry("passkey_added", { name: "Work laptop" }))).toBe(
      "Passkey added: Work laptop",
    );
    expect(describeSecurityEvent(entry("not_me_revoke_all", { sessions: 3 }))).toBe(
      "“This wasn't me” used: 3 session(s) signed out",
    );
    expect(
      describeSecurityEvent(
        entry("role_changed", { tenant_name: "Acme", from: "viewer", to: "admin" }),
      ),
    ).toBe("Your role in Acme changed from viewer to admin");
    expect(
      describeSecurityEvent(
        entry("admin_token_created", { role: "owner", token_name: "ci", tenant_name: "Acme" }),
      ),
    ).toBe("owner API token “ci” created in Acme");
    expect(describeSecurityEvent(entry("sessions_revoked", { kept_current: 1 }))).toBe(
      "Signed out everywhere else",
    );
    expect(describeSecurityEvent(entry("something_new", {}))).toBe("something new");
  });
});
