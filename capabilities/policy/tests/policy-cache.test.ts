import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { createHash } from "node:crypto";
import { toHex } from "../../../core/encoding";
import { expect, it } from "vitest";
import type { TenantDO } from "../../../durable-objects/tenant";
import { AGENT, ALICE, freshTenant, POLICY, value } from "../../../tests/helpers/tenant-do";

type Stub = DurableObjectStub<TenantDO>;

async function setUp() {
  const { tenantId, stub } = freshTenant();
  const v = value(await stub.createPolicy(POLICY, ALICE)).version;
  value(await stub.activatePolicy(v, ALICE));
  const runId = value(await stub.openRun({ agent: "bot", metadata: {} }, ALICE)).id;
  let n = 0;
  /** A fresh object (as after a wake) proposing one call; how its policy was loaded. */
  const wakeAndPropose = async (tool: string) => {
    await evictDurableObject(stub);
    const step = value(
      await stub.proposeStep(
        runId,
        { tool, args: { cmd: "rm -rf /" }, declared: {}, idempotency_key: `k${++n}` },
        AGENT,
        "agent",
      ),
    );
    const load = await runInDurableObject(
      stub,
      (i: TenantDO) =>
        (i as unknown as { policies: { lastLoad: string | null } }).policies.lastLoad,
    );
    return { verdict: step.verdict, rule: step.rule_id, load };
  };
  return { tenantId, stub, v, wakeAndPropose };
}

const rows = (stub: Stub) =>
  runInDurableObject(stub, (_, state) =>
    state.storage.sql.exec("SELECT version, format FROM policy_compiled").toArray(),
  );

const edit = (stub: Stub, sql: string) =>
  runInDurableObject(stub, (_, state) => void state.storage.sql.exec(sql));

it("loads the active policy from its stored form after a wake, not from source", async () => {
  const { stub, v, wakeAndPropose } = await setUp();
  expect(await rows(stub)).toEqual([{ version: v, format: 2 }]);
  expect(await wakeAndPropose("shell")).toEqual({
    verdict: "deny",
    rule: "tenant:rm",
    load: "stored_form",
  });
});

it("falls back to compiling when the stored form is corrupt or of another format", async () => {
  const { stub, wakeAndPropose } = await setUp();
  // One rule's decision altered in the stored text: the checksum no longer matches.
  await edit(stub, `UPDATE policy_compiled SET form = replace(form, '"deny"', '"allow"')`);
  expect(await wakeAndPropose("shell")).toEqual({
    verdict: "deny",
    rule: "tenant:rm",
    load: "source",
  });
  // The fallback stored a good form again.
  expect((await wakeAndPropose("shell")).load).toBe("stored_form");

  await edit(stub, `UPDATE policy_compiled SET format = 99`);
  expect((await wakeAndPropose("shell")).load).toBe("source");
  await edit(stub, `UPDATE policy_compiled SET form = 'not a form'`);
  expect(await wakeAndPropose("shell")).toEqual({
    verdict: "deny",
    rule: "tenant:rm",
    load: "source",
  });
  await edit(stub, `DELETE FROM policy_compiled`);
  expect((await wakeAndPropose("shell")).load).toBe("source");
});

/** A row whose checksum matches its text, as only the DO itself writes them. */
const signed = (text: string) =>
  `${toHex(new Uint8Array(createHash("sha256").update(text).digest()))}\n${text}`;

it("compiles from source over a form of the old format, and stores the current one", async () => {
  const { stub, v, wakeAndPropose } = await setUp();
  // What the previous format (1: the parsed YAML tree) wrote: an empty mapping, which would
  // give every call the defaults; read as anything but source it would not name tenant:rm.
  const old = '{"v":1,"root":{"kind":"map","pos":{"line":1,"column":1},"entries":[]},"d":[]}';
  await runInDurableObject(stub, (_, state) => {
    state.storage.sql.exec(
      "UPDATE policy_compiled SET format = 1, form = ? WHERE version = ?",
      signed(old),
      v,
    );
  });
  expect(await wakeAndPropose("shell")).toEqual({
    verdict: "deny",
    rule: "tenant:rm",
    load: "source",
  });
  expect(await rows(stub)).toEqual([{ version: v, format: 2 }]);
  expect((await wakeAndPropose("shell")).load).toBe("stored_form");
});

it("compiles from source when a form with a good checksum does not load", async () => {
  const { stub, v, wakeAndPropose } = await setUp();
  await runInDurableObject(stub, (_, state) => {
    state.storage.sql.exec(
      "UPDATE policy_compiled SET form = ? WHERE version = ?",
      signed('{"defaults":{"on_no_match":"allow","on_missing_shadow":"allow"},"rules":[]}\n{}'),
      v,
    );
  });
  expect(await wakeAndPropose("shell")).toEqual({
    verdict: "deny",
    rule: "tenant:rm",
    load: "source",
  });
});

it("replaces the stored form when another version is activated", async () => {
  const { tenantId, stub, wakeAndPropose } = await setUp();
  const next = value(
    await stub.createPolicy(
      "version: 1\ndefaults: { on_no_match: deny }\nrules:\n  - id: shell-ok\n    match: { tool: shell }\n    decision: allow\n",
      ALICE,
    ),
  ).version;
  value(await stub.activatePolicy(next, ALICE));
  expect(await rows(stub)).toEqual([{ version: next, format: 2 }]);
  expect(await wakeAndPropose("shell")).toEqual({
    verdict: "allow",
    rule: "tenant:shell-ok",
    load: "stored_form",
  });
});
