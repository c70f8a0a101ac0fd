import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { generateHeadKeyPair } from "../../core/audit/checkpoint";
import { buildSignedExport, joinLines } from "../core/audit/export-helpers";
import { cliEnv } from "./cli-env";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const fixtures = join(root, "tests", "fixtures", "audit");
const dir = mkdtempSync(join(tmpdir(), "gatehouse-audit-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function gatehouse(...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, "cli", "bin.mjs"), ...args], {
    cwd: root,
    env: cliEnv,
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest();

describe("gatehouse audit verify", () => {
  it("verifies the committed golden export (RFC 8037 test key) and its hashes by hand", () => {
    const exportPath = join(fixtures, "golden-export.jsonl");
    const jwksPath = join(fixtures, "golden-jwks.json");
    expect(gatehouse("audit", "verify", exportPath, "--jwks", jwksPath)).toMatchObject({
      code: 0,
      stdout: "ok 5 events\n",
    });
    // Independently of core/audit: event hash = SHA-256(line without "hash"), and the
    // checkpoint root is RFC 6962 MTH over leaves SHA-256(0x00 ‖ those bytes).
    const lines = readFileSync(exportPath, "utf8").trimEnd().split("\n");
    const bytes = lines.slice(0, 5).map((line) => {
      const { hash, ...event } = JSON.parse(line);
      const canonical = line.replace(`"hash":"${hash}",`, "");
      expect(JSON.parse(canonical)).toEqual(event);
      expect(sha256(canonical).toString("hex")).toBe(hash);
      return Buffer.from(canonical);
    });
    const [l0, l1, l2, l3, l4] = bytes.map((b) => sha256(Buffer.concat([Buffer.of(0), b])));
    const node = (a: Buffer, b: Buffer) => sha256(Buffer.concat([Buffer.of(1), a, b]));
    const mth5 = node(node(node(l0!, l1!), node(l2!, l3!)), l4!).toString("hex");
    const jws: string = JSON.parse(lines[5]!).checkpoint;
    const payload = JSON.parse(Buffer.from(jws.split(".")[1]!, "base64url").toString());
    expect(payload).toEqual({
      tenant: "acme",
      size: 5,
      root: mth5,
      ts: "2025-01-31T12:05:00.000Z",
    });
  });

  it("accepts a fresh signed export, with and without the JWKS", async () => {
    const ex = await buildSignedExport(30);
    const file = write("fresh.jsonl", ex.text);
    const jwks = write("fresh-jwks.json", JSON.stringify(ex.jwks));
    const checked = gatehouse("audit", "verify", file, "--jwks", jwks);
    expect(checked).toMatchObject({ code: 0, stdout: "ok 30 events\n" });
    expect(checked.stderr).toContain(`root ${ex.root}`);
    expect(checked.stderr).toContain("signature verified");
    const unchecked = gatehouse("audit", "verify", file);
    expect(unchecked).toMatchObject({ code: 0, stdout: "ok 30 events\n" });
    expect(unchecked.stderr).toContain("NOT checked");
  });

  it("reports the first bad seq of a tampered export and exits 1", async () => {
    const ex = await buildSignedExport(30);
    const jwks = write("tamper-jwks.json", JSON.stringify(ex.jwks));
    const lines = [...ex.lines];
    lines[6] = lines[6]!.replace('"i":7', '"i":70');
    const file = write("tampered.jsonl", joinLines(lines));
    expect(gatehouse("audit", "verify", file, "--jwks", jwks)).toMatchObject({
      code: 1,
      stdout: 'bad seq 7: bad hash: the event does not hash to its "hash"\n',
    });
    const other = await generateHeadKeyPair();
    const otherJwks = write("other-jwks.json", JSON.stringify({ keys: [other.publicJwk] }));
    const intact = write("intact.jsonl", ex.text);
    const unknown = gatehouse("audit", "verify", intact, "--jwks", otherJwks);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toMatch(/^bad seq 31: unknown kid /);
    const garbled = write(
      "garbled.jsonl",
      joinLines([...ex.lines.slice(0, 4), "{", ...ex.lines.slice(5)]),
    );
    expect(gatehouse("audit", "verify", garbled)).toMatchObject({
      code: 1,
      stdout: "bad seq 5: malformed line 5: not valid JSON\n",
    });
  });

  it("streams exports larger than its read chunk", async () => {
    const ex = await buildSignedExport(6000, (i) => ({
      ts: new Date(Date.UTC(2025, 0, 1) + i).toISOString(),
      type: "step.result",
      run_id: `run_${i >> 6}`,
      step_id: `step_${i}`,
      actor: { kind: "agent", id: "agent_1" },
      data: { i, text: "multi-byte ü€😀 ".repeat(20) },
    }));
    expect(ex.text.length).toBeGreaterThan((3 * (1 << 20)) / 2);
    const jwks = write("big-jwks.json", JSON.stringify(ex.jwks));
    expect(gatehouse("audit", "verify", write("big.jsonl", ex.text), "--jwks", jwks)).toMatchObject(
      {
        code: 0,
        stdout: "ok 6000 events\n",
      },
    );
    const lines = [...ex.lines];
    lines[5998] = lines[5998]!.replace("😀", "😁");
    expect(
      gatehouse("audit", "verify", write("big-bad.jsonl", joinLines(lines)), "--jwks", jwks),
    ).toMatchObject({ code: 1, stdout: expect.stringMatching(/^bad seq 5999: bad hash/) });
  });

  it("exits 2 with usage on usage errors", () => {
    const file = join(fixtures, "golden-export.jsonl");
    const badJwks = write("bad-jwks.json", '{"keys": 3}');
    const cases: [string[], RegExp][] = [
      [["audit"], /usage: gatehouse audit verify/],
      [["audit", "export"], /Set GATEHOUSE_URL/],
      [["audit", "verify"], /expected exactly one FILE/],
      [["audit", "verify", file, file], /expected exactly one FILE/],
      [["audit", "verify", file, "--bogus"], /--bogus/],
      [["audit", "verify", file, "--jwks"], /--jwks/],
      [["audit", "verify", join(dir, "missing.jsonl")], /cannot read .*ENOENT/],
      [["audit", "verify", file, "--jwks", join(dir, "missing.json")], /cannot read .*ENOENT/],
      [["audit", "verify", file, "--jwks", badJwks], /invalid JWKS/],
    ];
    for (const [args, message] of cases) {
      const result = gatehouse(...args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(message);
    }
  });
});

describe("gatehouse audit verify, strict and bound", () => {
  it(
    "refuses invalid UTF-8 and duplicate members at their line, binds to --tenant and --since",
    { timeout: 60_000 },
    async () => {
      const ex = await buildSignedExport(5);
      const jwks = write("strict-jwks.json", JSON.stringify(ex.jwks));
      const good = write("strict-good.jsonl", ex.text);
      expect(gatehouse("audit", "verify", good, "--jwks", jwks, "--tenant", "acme")).toMatchObject({
        code: 0,
        stdout: "ok 5 events\n",
      });
      expect(
        gatehouse("audit", "verify", good, "--jwks", jwks, "--tenant", "globex"),
      ).toMatchObject({
        code: 1,
        stdout: "bad seq 1: wrong tenant: the export is signed for tenant acme, not globex\n",
      });

      const lines = ex.text.split("\n");
      const bytes = Buffer.concat([
        Buffer.from(lines.slice(0, 2).join("\n") + "\n"),
        Buffer.from(lines[2]!.slice(0, 20)),
        Buffer.of(0xc3, 0x28), // not UTF-8
        Buffer.from(lines[2]!.slice(20) + "\n" + lines.slice(3).join("\n")),
      ]);
      const invalidPath = join(dir, "strict-invalid.jsonl");
      writeFileSync(invalidPath, bytes);
      expect(gatehouse("audit", "verify", invalidPath, "--jwks", jwks)).toMatchObject({
        code: 1,
        stdout: "bad seq 3: malformed line 3: not valid UTF-8\n",
      });

      const dup = write(
        "strict-dup.jsonl",
        ex.text.replace(lines[1]!, lines[1]!.replace('{"actor"', '{"type":"x","actor"')),
      );
      expect(gatehouse("audit", "verify", dup, "--jwks", jwks).stdout).toBe(
        'bad seq 2: malformed line 2: not I-JSON: duplicate member name "type" at type\n',
      );

      const smaller = await buildSignedExport(3);
      const head = write("strict-head.json", JSON.stringify({ size: 3, root: smaller.root }));
      expect(gatehouse("audit", "verify", good, "--since", head)).toMatchObject({ code: 0 });
      const wrongHead = write(
        "strict-wrong-head.json",
        JSON.stringify({ size: 3, root: "0".repeat(64) }),
      );
      expect(gatehouse("audit", "verify", good, "--since", wrongHead)).toMatchObject({ code: 1 });
      expect(gatehouse("audit", "verify", good, "--since", jwks)).toMatchObject({ code: 2 });
    },
  );
});
