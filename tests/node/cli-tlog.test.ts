import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { consistencyProof } from "../../core/audit/merkle";
import {
  b64encode,
  refOpenNote,
  refParseVkey,
  refSign,
} from "../core/audit/c2sp-reference/reference";
import { cliEnv } from "./cli-env";

// The log side of these tests is built by hand (node:crypto hashes, the reference signer), so
// the CLI's verdicts are checked against data the product did not produce.
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const dir = mkdtempSync(join(tmpdir(), "gatehouse-tlog-"));
const children: ChildProcess[] = [];
const servers: Server[] = [];
afterAll(() => {
  for (const c of children) c.kill("SIGTERM");
  for (const s of servers) s.close();
  rmSync(dir, { recursive: true, force: true });
});

const sha = (...parts: Buffer[]) => createHash("sha256").update(Buffer.concat(parts)).digest();
const leaf = (data: string) => sha(Buffer.of(0), Buffer.from(data));
const node = (l: Buffer, r: Buffer) => sha(Buffer.of(1), l, r);
/** RFC 6962 MTH, by the definition. */
function mth(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return sha();
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return node(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

function gatehouse(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, "cli", "bin.mjs"), ...args], {
    cwd: root,
    env: cliEnv,
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const ORIGIN = "log.example/audit/acme";
const seed = new Uint8Array(32).fill(9);
const datas = (n: number, tag = "e") => Array.from({ length: n }, (_, i) => `${tag}${i}`);
const text = (size: number, rootHash: Buffer) =>
  `${ORIGIN}\n${size}\n${rootHash.toString("base64")}\n`;
async function signed(size: number, rootHash: Buffer) {
  const [line, vkey] = await refSign(ORIGIN, seed, text(size, rootHash));
  return { note: `${text(size, rootHash)}\n${line}`, vkey };
}

async function startWitness(keyFile: string, stateFile: string, logVkey: string) {
  const child = spawn(
    process.execPath,
    [
      join(root, "cli", "bin.mjs"),
      "witness",
      "serve",
      "--key",
      keyFile,
      "--state",
      stateFile,
      "--log",
      logVkey,
      "--port",
      "0",
    ],
    { cwd: root, env: cliEnv },
  );
  children.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on("exit", (code) => reject(new Error(`witness exited ${code}`)));
  });
  return { url, child };
}

const add = (url: string, body: string) =>
  fetch(`${url}/add-checkpoint`, { method: "POST", body }).then(async (r) => ({
    status: r.status,
    type: r.headers.get("content-type"),
    body: await r.text(),
  }));
const proofLines = (hashes: Uint8Array[]) => hashes.map((h) => `${b64encode(h)}\n`).join("");

describe("gatehouse witness serve", { timeout: 180_000 }, () => {
  const keyFile = join(dir, "witness.key");
  const stateFile = join(dir, "witness-state.json");
  let witnessVkey = "";

  it("keygen prints a cosignature vkey and writes the private key once", () => {
    const r = gatehouse("witness", "keygen", "--name", "witness.test/w1", "--out", keyFile);
    expect(r.code).toBe(0);
    witnessVkey = r.stdout.trim();
    expect(witnessVkey).toMatch(/^witness\.test\/w1\+[0-9a-f]{8}\+/);
    expect(Buffer.from(witnessVkey.split("+").slice(2).join("+"), "base64")[0]).toBe(0x04);
    expect(gatehouse("witness", "keygen", "--name", "x", "--out", keyFile).code).not.toBe(0);
  });

  it("cosigns consistent checkpoints and refuses forks and rollbacks, across a restart", async () => {
    const { vkey } = await signed(0, sha());
    let { url, child } = await startWitness(keyFile, stateFile, vkey);
    const leaves5 = datas(5).map(leaf);
    const cp3 = await signed(3, mth(leaves5.slice(0, 3)));
    const first = await add(url, `old 0\n\n${cp3.note}`);
    expect(first.status).toBe(200);
    const cosigned = `${cp3.note}${first.body}`;
    expect(await refOpenNote(cosigned, [await refParseVkey(witnessVkey)])).toEqual([
      "witness.test/w1",
    ]);

    const cp5 = await signed(5, mth(leaves5));
    const proof35 = consistencyProof(leaves5, 3, 5);
    expect((await add(url, `old 3\n${proofLines(proof35)}\n${cp5.note}`)).status).toBe(200);

    // A fork: a size-7 tree whose first 5 leaves differ, with its own (valid) proof from 5.
    const forked = [...datas(5, "x"), ...datas(2, "y")].map(leaf);
    const cp7 = await signed(7, mth(forked));
    const forkProof = consistencyProof(forked, 5, 7);
    expect((await add(url, `old 5\n${proofLines(forkProof)}\n${cp7.note}`)).status).toBe(422);
    // Same size, another root.
    const other5 = await signed(5, mth(forked.slice(0, 5)));
    expect((await add(url, `old 5\n\n${other5.note}`)).status).toBe(422);
    // Rollbacks: an older checkpoint, with the true or a stale old size.
    expect((await add(url, `old 5\n\n${cp3.note}`)).status).toBe(400);
    expect(await add(url, `old 3\n\n${cp3.note}`)).toMatchObject({
      status: 409,
      type: "text/x.tlog.size",
      body: "5\n",
    });
    // Unknown origin; a bad signature from the trusted key.
    const stranger = `other.example/log\n1\n${leaf("z").toString("base64")}\n\n${cp3.note.split("\n\n")[1]}`;
    expect((await add(url, `old 0\n\n${stranger}`)).status).toBe(404);
    const tampered = cp5.note.replace("\n5\n", "\n6\n");
    expect((await add(url, `old 5\n\n${tampered}`)).status).toBe(403);

    expect(JSON.parse(readFileSync(stateFile, "utf8"))[ORIGIN].size).toBe(5);
    child.kill("SIGTERM");
    ({ url, child } = await startWitness(keyFile, stateFile, vkey));
    expect((await add(url, `old 0\n\n${cp3.note}`)).body).toBe("5\n");
    const served = await fetch(
      `${url}/${createHash("sha256").update(ORIGIN).digest("hex")}/checkpoint`,
    );
    expect(await served.text()).toContain(`${ORIGIN}\n5\n`);
  });

  it("verify-proof checks the log key, the witness quorum and the inclusion path offline", async () => {
    const { vkey } = await signed(0, sha());
    const state2 = join(dir, "witness-state-2.json");
    const { url } = await startWitness(keyFile, state2, vkey);
    const events = ['{"seq":1}', '{"seq":2}', '{"seq":3}'];
    const leaves = events.map(leaf);
    const cp = await signed(3, mth(leaves));
    const cosig = (await add(url, `old 0\n\n${cp.note}`)).body;
    // Path for index 1 in a size-3 tree: sibling leaf 0, then leaf 2.
    const file = (index: number, extra: string, path: Buffer[], note: string) =>
      `c2sp.org/tlog-proof@v1\nextra ${Buffer.from(extra).toString("base64")}\nindex ${index}\n${path
        .map((h) => h.toString("base64"))
        .join("\n")}\n\n${note}`;
    const good = write(
      "good.tlog-proof",
      file(1, events[1]!, [leaves[0]!, leaves[2]!], cp.note + cosig),
    );
    const ok = gatehouse(
      "audit",
      "verify-proof",
      good,
      "--log-key",
      vkey,
      "--witness",
      witnessVkey,
    );
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(
      "ok event 2 is in log.example/audit/acme at size 3; witnesses: witness.test/w1",
    );
    expect(ok.stdout).toContain('{"seq":2}');
    // Another event's data under the same path, and a checkpoint without the cosignature.
    const wrong = write(
      "wrong.tlog-proof",
      file(1, events[2]!, [leaves[0]!, leaves[2]!], cp.note + cosig),
    );
    expect(gatehouse("audit", "verify-proof", wrong, "--log-key", vkey).stdout).toContain(
      "bad proof (inclusion)",
    );
    const bare = write("bare.tlog-proof", file(1, events[1]!, [leaves[0]!, leaves[2]!], cp.note));
    const quorum = gatehouse(
      "audit",
      "verify-proof",
      bare,
      "--log-key",
      vkey,
      "--witness",
      witnessVkey,
    );
    expect(quorum).toMatchObject({ code: 1 });
    expect(quorum.stdout).toContain("bad proof (quorum)");
    expect(
      gatehouse(
        "audit",
        "verify-proof",
        bare,
        "--log-key",
        vkey,
        "--witness",
        witnessVkey,
        "--min-witnesses",
        "0",
      ).code,
    ).toBe(0);
    // Another log's key.
    const [, otherVkey] = await refSign(ORIGIN, new Uint8Array(32).fill(1), "x\n");
    expect(gatehouse("audit", "verify-proof", good, "--log-key", otherVkey).stdout).toContain(
      "bad proof (log-signature)",
    );
    expect(gatehouse("audit", "verify-proof", good).code).toBe(2);
  });
});

/** A log served over HTTP the way Gatehouse serves it publicly: /checkpoint, /proofs/consistency. */
function fakeLog() {
  let leaves: Buffer[] = [];
  let note = "";
  const server = createServer((req, res) => {
    const url = new URL(req.url!, "http://x");
    if (url.pathname === "/checkpoint") return res.end(note);
    if (url.pathname === "/proofs/consistency") {
      const from = Number(url.searchParams.get("from"));
      const to = Number(url.searchParams.get("to"));
      const proof = consistencyProof(leaves, from, to).map((h) => Buffer.from(h).toString("hex"));
      res.setHeader("content-type", "application/json");
      return res.end(JSON.stringify({ from, to, proof }));
    }
    res.statusCode = 404;
    res.end();
  });
  servers.push(server);
  return {
    server,
    async publish(data: string[]) {
      leaves = data.map(leaf);
      note = (await signed(leaves.length, mth(leaves))).note;
    },
  };
}

describe("gatehouse audit monitor", { timeout: 180_000 }, () => {
  it("accepts a growing log and exits 3 on a fork and on a rollback", async () => {
    const log = fakeLog();
    await new Promise<void>((r) => log.server.listen(0, "127.0.0.1", r));
    const port = (log.server.address() as { port: number }).port;
    const url = `http://127.0.0.1:${port}`;
    const { vkey } = await signed(0, sha());
    const state = join(dir, "monitor.json");
    const monitorOnce = () =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          [
            join(root, "cli", "bin.mjs"),
            "audit",
            "monitor",
            url,
            "--state",
            state,
            "--log-key",
            vkey,
            "--once",
          ],
          { cwd: root, env: cliEnv },
        );
        let out = "";
        child.stdout.on("data", (d: Buffer) => (out += d.toString()));
        child.on("exit", (code) => resolve({ code, out }));
      });
    await log.publish(datas(4));
    expect(await monitorOnce()).toMatchObject({ code: 0, out: `ok ${ORIGIN} size 4 (first)\n` });
    await log.publish(datas(9));
    expect(await monitorOnce()).toMatchObject({ code: 0, out: `ok ${ORIGIN} size 9 (was 4)\n` });
    await log.publish([...datas(3), "rewritten", ...datas(10).slice(4)]);
    const fork = await monitorOnce();
    expect(fork.code).toBe(3);
    expect(fork.out).toContain("ALERT fork");
    await log.publish(datas(7));
    const rollback = await monitorOnce();
    expect(rollback.code).toBe(3);
    expect(rollback.out).toContain("ALERT rollback");
    expect(JSON.parse(readFileSync(state, "utf8")).size).toBe(9);
  });
});

describe("gatehouse audit verify --since", { timeout: 180_000 }, () => {
  const golden = join(root, "tests", "fixtures", "audit", "golden-export.jsonl");
  const goldenLeaves = () =>
    readFileSync(golden, "utf8")
      .trimEnd()
      .split("\n")
      .slice(0, 5)
      .map((line) => {
        const { hash } = JSON.parse(line);
        return leaf(line.replace(`"hash":"${hash}",`, ""));
      });

  it("passes when the export extends the old checkpoint, fails on a fork or a rollback", async () => {
    const leaves = goldenLeaves();
    const old = await signed(3, mth(leaves.slice(0, 3)));
    const since = write("old.checkpoint", old.note);
    const ok = gatehouse("audit", "verify", golden, "--since", since, "--log-key", old.vkey);
    expect(ok).toMatchObject({ code: 0, stdout: "ok 5 events\n" });
    const forked = write(
      "fork.checkpoint",
      (await signed(3, mth([leaves[0]!, leaves[2]!, leaves[1]!]))).note,
    );
    const fork = gatehouse("audit", "verify", golden, "--since", forked, "--log-key", old.vkey);
    expect(fork.code).toBe(1);
    expect(fork.stdout).toContain("fork");
    const longer = write("longer.checkpoint", (await signed(6, mth([...leaves, leaf("x")]))).note);
    const rollback = gatehouse("audit", "verify", golden, "--since", longer, "--log-key", old.vkey);
    expect(rollback.code).toBe(1);
    expect(rollback.stdout).toContain("rollback");
    expect(gatehouse("audit", "verify", golden, "--since", since).code).toBe(2);
  });
});
