import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { hashAuditEvent } from "../../core/audit/event";
import type { HashedAuditEvent } from "../../core/audit/event";
import type { Jwks } from "../../core/audit/checkpoint";
import { formatEventLine } from "../../core/audit/export-format";
import { verifyAuditExport, verifyAuditExportBytes } from "../../core/audit/verify-export";
import { call, expectError, signUp } from "../helpers/client";
import { newTenant } from "../../capabilities/tenancy/tests/helpers";

/**
 * Attacks on what gets hashed: JSON a lenient parser reads one way and another reads another
 * (duplicate members, lone surrogates, invalid UTF-8) is refused at the API boundary, and forged
 * or foreign export lines are caught by the verifier at the exact event.
 */
const raw = (cookie: string, method: string, body: BodyInit) => ({
  method,
  rawBody: body,
  cookie,
  headers: { "content-type": "application/json" },
});

async function secretRow(t: string, name: string) {
  return env.DB.prepare("SELECT version FROM secrets WHERE tenant_id = ?1 AND name = ?2")
    .bind(t, name)
    .first<{ version: number }>();
}

describe("ambiguous JSON at the API boundary", () => {
  it("refuses duplicate member names, lone surrogates and invalid UTF-8 with 400, writing nothing", async () => {
    const owner = await signUp();
    const t = await newTenant(owner, "Strict");
    const path = `/api/tenants/${t}/secrets/SMUGGLED`;
    const duplicate = await call(
      path,
      raw(owner.cookie, "PUT", '{"value":"a-visible","value":"b-hidden"}'),
    );
    const error = await expectError(duplicate, 400, "invalid_request");
    expect(error.issues).toEqual([{ path: "value", message: 'duplicate member name "value"' }]);

    const surrogate = await call(path, raw(owner.cookie, "PUT", '{"value":"abc\\ud800def"}'));
    await expectError(surrogate, 400, "invalid_request");

    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"value":"abc'),
      0xff,
      ...new TextEncoder().encode('def"}'),
    ]);
    const invalid = await call(path, raw(owner.cookie, "PUT", bytes));
    await expectError(invalid, 400, "invalid_json");
    expect(await secretRow(t, "SMUGGLED")).toBeNull();

    // A policy whose source is given twice would be hashed as one and read as the other.
    const policy = await call(
      `/api/tenants/${t}/policies`,
      raw(
        owner.cookie,
        "POST",
        '{"source":"version: 1\\nrules: []\\n","source":"version: 1\\nrules: []\\n"}',
      ),
    );
    await expectError(policy, 400, "invalid_request");

    // The same bodies without the ambiguity are accepted.
    expect(
      (await call(path, raw(owner.cookie, "PUT", '{"value":"abc-\\ud83d\\ude00"}'))).status,
    ).toBe(201);
  });
});

describe("forged and foreign export lines", () => {
  async function exportOf(cookie: string, t: string) {
    for (const name of ["A", "B", "C"]) {
      const put = await call(`/api/tenants/${t}/secrets/S_${name}`, {
        method: "PUT",
        body: { value: `value-${name}-0000` },
        cookie,
      });
      expect(put.status).toBe(201);
    }
    const res = await call(`/api/tenants/${t}/audit/export`, { cookie });
    expect(res.status).toBe(200);
    return new Uint8Array(await res.arrayBuffer());
  }

  it("reports an inserted line with a valid hash at its own seq, and binds an export to its tenant", async () => {
    const owner = await signUp();
    const t = await newTenant(owner, "Exported");
    const other = await newTenant(owner, "Other");
    const bytes = await exportOf(owner.cookie, t);
    const jwks = (await (await call("/.well-known/jwks.json")).json()) as Jwks;
    const text = new TextDecoder().decode(bytes);
    const lines = text.split("\n").slice(0, -1);
    expect(await verifyAuditExportBytes(bytes, { jwks, tenant: t })).toMatchObject({
      ok: true,
      events: lines.length - 1,
    });
    // Another tenant's genuine, correctly signed export does not pass as this tenant's.
    expect(await verifyAuditExport(text, { jwks, tenant: other })).toMatchObject({
      ok: false,
      code: "wrong-tenant",
    });

    // A forger slips in "secret.deleted" after seq 3, correctly hashed and linked.
    const third = JSON.parse(lines[2]!) as HashedAuditEvent;
    const { hash: _, ...base } = third;
    const forgedEvent = {
      ...base,
      seq: 4,
      prev: third.hash,
      type: "secret.deleted",
      data: { name: "S_A" },
    };
    const forged = formatEventLine({ ...forgedEvent, hash: hashAuditEvent(forgedEvent) });
    const tampered = [...lines.slice(0, 3), forged, ...lines.slice(3)].join("\n") + "\n";
    expect(await verifyAuditExport(tampered, { jwks })).toMatchObject({
      ok: false,
      seq: 4,
      line: 4,
      code: "forked-chain",
    });
  });
});
