import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  can,
  canGrant,
  grantableRoles,
  isRole,
  PERMISSION_MATRIX,
  permissionMatrixMarkdown,
  ROLES,
} from "../../core/permissions";
import type { Action, Role } from "../../core/permissions";

const allowed = (role: Role) => ACTIONS.filter((a) => can(role, a));

describe("permission matrix", () => {
  it("gives the owner everything and the admin everything but deleting or handing over the tenant", () => {
    expect(allowed("owner")).toEqual([...ACTIONS]);
    expect(ACTIONS.filter((a) => !can("admin", a))).toEqual(["tenant.delete", "tenant.transfer"]);
  });

  it("lets operators run work and write secrets, but not manage people, tokens, keys or audit", () => {
    const yes: Action[] = [
      "runs.create",
      "runs.cancel",
      "steps.propose",
      "steps.report",
      "approvals.decide",
      "agent_sessions.create",
      "secrets.write",
      "secrets.read_metadata",
      "policies.read",
    ];
    const no: Action[] = [
      "members.invite",
      "members.change_role",
      "tokens.create",
      "tokens.read",
      "keys.read",
      "keys.rotate_dek",
      "policies.write",
      "policies.activate",
      "audit.read",
      "audit.export",
      "secrets.delete",
      "tenant.rename",
    ];
    for (const a of yes) expect(can("operator", a), a).toBe(true);
    for (const a of no) expect(can("operator", a), a).toBe(false);
  });

  it("keeps viewers and auditors read-only; only auditors see audit, secret metadata and keys", () => {
    const writes = ACTIONS.filter((a) => !/\.(read|read_metadata|export)$/.test(a));
    for (const role of ["viewer", "auditor"] as const) {
      for (const a of writes) expect(can(role, a), `${role} ${a}`).toBe(false);
    }
    for (const a of [
      "audit.read",
      "audit.export",
      "secrets.read_metadata",
      "keys.read",
      "tokens.read",
    ] as const) {
      expect(can("auditor", a), a).toBe(true);
      expect(can("viewer", a), a).toBe(false);
    }
  });

  it("names only known actions and roles", () => {
    expect(Object.keys(PERMISSION_MATRIX).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) for (const a of PERMISSION_MATRIX[role]) expect(ACTIONS).toContain(a);
    expect(isRole("admin")).toBe(true);
    expect(isRole("root")).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});

describe("granting roles", () => {
  it("is allowed exactly when the granted role can do nothing the granter cannot", () => {
    for (const actor of ROLES) {
      for (const target of ROLES) {
        const subset = allowed(target).every((a) => can(actor, a));
        expect(canGrant(actor, target), `${actor} → ${target}`).toBe(subset);
      }
    }
  });

  it("means nobody but an owner grants or removes owner, and admins grant the rest", () => {
    expect(ROLES.filter((r) => canGrant(r, "owner"))).toEqual(["owner"]);
    expect(grantableRoles("admin")).toEqual(["admin", "operator", "viewer", "auditor"]);
    expect(grantableRoles("operator")).toEqual(["operator", "viewer"]);
    expect(grantableRoles("viewer")).toEqual(["viewer"]);
    expect(grantableRoles("auditor")).toEqual(["viewer", "auditor"]);
  });
});

describe("the Markdown table", () => {
  it("has a row per action and a column per role matching can()", () => {
    const lines = permissionMatrixMarkdown().trim().split("\n");
    expect(lines[0]).toBe(
      "| action | owner | admin | operator | viewer | auditor | what it allows |",
    );
    expect(lines).toHaveLength(ACTIONS.length + 2);
    for (const [i, action] of ACTIONS.entries()) {
      const cells = lines[i + 2]!.split("|")
        .slice(1, -1)
        .map((c) => c.trim());
      expect(cells[0]).toBe(`\`${action}\``);
      expect(cells.slice(1, 6)).toEqual(ROLES.map((r) => (can(r, action) ? "✓" : "")));
    }
  });
});
