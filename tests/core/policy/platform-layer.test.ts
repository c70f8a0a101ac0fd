import { describe, expect, it } from "vitest";
import {
  compilePolicy,
  evaluate,
  PLATFORM_POLICY_SOURCE,
  platformPolicy,
  tenantBundle,
} from "../../../core/policy";
import { call, compileOk } from "./helpers";

const ALLOW_ALL = compileOk(`version: 1
defaults: { on_no_match: allow, on_missing_shadow: allow }
rules:
  - { id: allow-everything, priority: 1000000, match: {}, decision: allow }
`);

function verdict(tool: string, args: Record<string, string>) {
  return evaluate(tenantBundle(ALLOW_ALL), call(tool, args));
}

describe("platform layer", () => {
  it("compiles cleanly (no errors, no warnings)", () => {
    expect(compilePolicy(PLATFORM_POLICY_SOURCE).diagnostics).toEqual([]);
    expect(platformPolicy.rules.map((r) => r.id)).toEqual([
      "cloud-metadata",
      "private-network",
      "vault-reveal",
    ]);
  });

  it("denies fetches to cloud metadata endpoints, whatever the tool and even when the tenant allows everything", () => {
    for (const url of [
      "http://169.254.169.254/latest/meta-data/",
      "HTTP://169.254.169.254",
      "http://metadata.google.internal/computeMetadata/v1/",
      "http://metadata.google.internal./x",
      "http://user:pw@169.254.169.254:80/",
      "http://[fd00:ec2::254]/latest",
      "http://100.100.100.200/latest/meta-data",
      "http://169.254.170.2/v2/credentials",
    ]) {
      const d = verdict("http_fetch", { url });
      expect(d.decision, url).toBe("deny");
      expect(d.rule_id, url).toBe("platform:cloud-metadata");
      expect(d.matched_rules).toEqual(["platform:cloud-metadata"]); // the overridden allow is not a winner
    }
    expect(verdict("curl", { uri: "http://169.254.169.254/" }).decision).toBe("deny");
    expect(verdict("anything", { host: "metadata.google.internal" }).decision).toBe("deny");
    expect(verdict("anything", { hostname: "169.254.169.254" }).decision).toBe("deny");
  });

  it("denies private, loopback and link-local targets", () => {
    for (const url of [
      "http://localhost:8080/admin",
      "http://api.localhost/",
      "http://127.0.0.1/",
      "https://10.1.2.3/x",
      "http://192.168.0.10",
      "http://172.16.5.4/",
      "http://172.31.255.255/",
      "http://0.0.0.0:9000/",
      "http://[::1]/",
      "http://[fe80::1]/",
      "http://[fd12:3456::1]/",
      "http://[::ffff:127.0.0.1]/",
      "http://169.254.1.1/",
      "http://100.64.0.1/",
    ]) {
      const d = verdict("http_fetch", { url });
      expect(d.decision, url).toBe("deny");
    }
    expect(verdict("db_connect", { host: "10.0.0.5" }).decision).toBe("deny");
    expect(verdict("db_connect", { host: "localhost:5432" }).decision).toBe("deny");
  });

  it("leaves public targets to the tenant", () => {
    for (const url of [
      "https://example.com/",
      "https://10.example.com/",
      "http://172.32.0.1/",
      "http://192.169.1.1/",
      "https://metadata.example.com/",
      "https://localhost.example.com/",
      "http://8.8.8.8/",
    ]) {
      expect(verdict("http_fetch", { url }).decision, url).toBe("allow");
    }
    expect(verdict("db_connect", { host: "db.example.com" }).decision).toBe("allow");
  });

  it("denies tools that would reveal vault values", () => {
    for (const tool of [
      "vault_read",
      "secret_reveal",
      "get_secret_value",
      "get_secret",
      "read_secrets",
      "VAULT_EXPORT",
      "secrets_dump",
    ]) {
      const d = verdict(tool, {});
      expect(d.decision, tool).toBe("deny");
      expect(d.rule_id, tool).toBe("platform:vault-reveal");
    }
    for (const tool of ["ask_secret", "vault_list_names", "secret_santa", "http_fetch"]) {
      expect(verdict(tool, {}).decision, tool).toBe("allow");
    }
  });

  it("abstains otherwise, so the tenant's defaults apply", () => {
    const tenant = compileOk("version: 1\ndefaults: { on_no_match: dry_run }\nrules: []\n");
    const d = evaluate(tenantBundle(tenant), call("http_fetch", { url: "https://example.com" }));
    expect(d.decision).toBe("dry_run");
    expect(d.matched_rules).toEqual(["<default:on_no_match>"]);
  });
});
