// `npm run crash-test`: crash injection. Starts the product (`npm start`, its own port and state
// directory), runs an agent that proposes steps, executes the allowed ones, reports their
// results and has a person decide approvals, and SIGKILLs the whole server process tree at
// random moments in a loop, restarting it each time. The agent resumes with what it knows
// (idempotency keys, `GET …/runs/{r}`). At the end every step's fate is checked against the
// agent's own ledger: nothing lost, nothing executed twice.
//
//   CRASH_KILLS=12 CRASH_PORT=8797 npm run crash-test
import { spawn } from "node:child_process";
import { mkdtempSync, openSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const KILLS = Number(process.env.CRASH_KILLS ?? 12);
const PORT = process.env.CRASH_PORT ?? "8797";
const BASE = `http://localhost:${PORT}`;
// The development config allows this origin for browser-style (cookie) requests.
const ORIGIN = "http://localhost:8787";
const state = mkdtempSync(join(tmpdir(), "gatehouse-crash-"));
const log = openSync(join(state, "server.log"), "a");

let server = null;
let serverUp = false;

function start() {
  server = spawn("npm", ["start", "--", "--persist-to", join(state, "wrangler")], {
    detached: true, // its own process group: the kill takes workerd with it
    stdio: ["ignore", log, log],
    env: { ...process.env, PORT },
  });
}

async function waitHealthy(timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${BASE}/health`);
      if (res.ok) {
        serverUp = true;
        return;
      }
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`the server did not come up (see ${join(state, "server.log")})`);
}

async function killServer() {
  const child = server;
  serverUp = false;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGKILL");
  await exited;
  // workerd may still hold the port for a moment after its group is gone.
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(`${BASE}/health`);
      await sleep(100);
    } catch {
      return;
    }
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * One API call, retried through crashes until the server answers (any status). Every call the
 * agent makes is safe to repeat: proposals carry idempotency keys, results are idempotent, and
 * a decision already made answers 409.
 */
async function api(method, path, { body, token, cookie, headers = {} } = {}) {
  for (;;) {
    try {
      const res = await fetch(`${BASE}${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(cookie ? { cookie, origin: ORIGIN } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      if (res.status >= 500) throw new Error(`${res.status} ${text}`);
      return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
    } catch (e) {
      stats.retries++;
      if (!(e instanceof Error)) throw e;
      await sleep(150);
    }
  }
}

async function must(method, path, opts, ...ok) {
  const res = await api(method, path, opts);
  if (!ok.includes(res.status))
    throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const stats = { kills: 0, steps: 0, approvals: 0, executed: 0, replays: 0, retries: 0, runs: 0 };

async function signIn(email) {
  await must("POST", "/api/auth/otp/start", { body: { email }, headers: { origin: ORIGIN } }, 202);
  const mail = await must("GET", "/dev/outbox", { headers: { accept: "application/json" } }, 200);
  const code = mail
    .find((m) => m.to === email && /code/.test(m.subject))
    ?.subject.match(/(\d{6})$/)?.[1];
  for (;;) {
    try {
      const res = await fetch(`${BASE}/api/auth/otp/verify`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: ORIGIN },
        body: JSON.stringify({ email, code }),
      });
      if (res.status !== 200) throw new Error(`otp verify ${res.status} ${await res.text()}`);
      return res.headers
        .getSetCookie()
        .find((c) => /^session=/.test(c))
        .split(";")[0];
    } catch (e) {
      if (!serverUp) await sleep(200);
      else throw e;
    }
  }
}

// ── the agent ────────────────────────────────────────────────────────────────────────────────
/** The agent's own durable memory: which steps it has executed (its side effects). */
const executed = new Map(); // step_id → count
const answers = new Map(); // idempotency key → step_id the server handed out

async function agent(base, cookie, token, stepsPerRun, runs) {
  for (let r = 0; r < runs; r++) {
    const runKey = `run-${r}`;
    const opened = await must(
      "POST",
      `${base}/runs`,
      { token, body: { agent: "crash" }, headers: { "idempotency-key": runKey } },
      200,
      201,
    );
    stats.runs++;
    const runToken = opened.run_token;
    const runPath = `${base}/runs/${opened.run.id}`;
    for (let i = 0; i < stepsPerRun; i++) {
      // Every fourth call needs a person's approval under the default policy (send_email).
      const needsApproval = i % 4 === 3;
      const key = `${runKey}-step-${i}`;
      const call = needsApproval
        ? { tool: "send_email", args: { to: "ops@example.com", subject: key, body: "hi" } }
        : { tool: "http_fetch", args: { url: `https://example.com/${key}` } };
      let step = await must(
        "POST",
        `${runPath}/steps`,
        { token: runToken, body: { ...call, idempotency_key: key } },
        200,
      );
      if (step.replay) stats.replays++;
      if (answers.has(key) && answers.get(key) !== step.step_id)
        throw new Error(`two steps for ${key}`);
      answers.set(key, step.step_id);
      stats.steps++;
      if (step.status === "awaiting_approval") {
        const decided = await api("POST", `${base}/approvals/${step.approval_id}/decision`, {
          cookie,
          body: { decision: i % 8 === 3 ? "deny" : "approve", reason: "crash test" },
        });
        if (decided.status !== 200 && decided.status !== 409)
          throw new Error(`decide: ${decided.status} ${JSON.stringify(decided.body)}`);
        stats.approvals++;
        step = await must(
          "GET",
          `${runPath}/steps/${step.step_id}?wait=5`,
          { token: runToken },
          200,
        );
      }
      if (step.status === "executing") {
        // The side effect: once per step, whatever the server does.
        if (!executed.has(step.step_id)) {
          executed.set(step.step_id, 1);
          stats.executed++;
        }
        await must(
          "POST",
          `${runPath}/steps/${step.step_id}/result`,
          { token: runToken, body: { status: "ok", output: { done: key } } },
          200,
        );
      }
    }
    await must("POST", `${runPath}/complete`, { token: runToken, body: {} }, 200, 401);
  }
}

// ── the checks ───────────────────────────────────────────────────────────────────────────────
async function check(base, token) {
  const problems = [];
  const { runs } = await must("GET", `${base}/runs?limit=100`, { token }, 200);
  let stepsSeen = 0;
  for (const run of runs) {
    const steps = [];
    for (let cursor = null; ;) {
      const page = await must(
        "GET",
        `${base}/runs/${run.id}?limit=100${cursor ? `&cursor=${cursor}` : ""}`,
        { token },
        200,
      );
      steps.push(...page.run.steps);
      cursor = page.run.next_cursor;
      if (cursor === null) {
        if (page.run.status !== "completed") problems.push(`${run.id} is ${page.run.status}`);
        break;
      }
    }
    stepsSeen += steps.length;
    steps.forEach((s, i) => {
      if (s.seq !== i + 1) problems.push(`${run.id}: seq ${s.seq} at ${i + 1}`);
      if (answers.get(s.idempotency_key) !== s.step_id)
        problems.push(`${s.step_id}: not the step the agent was given`);
      const times = executed.get(s.step_id) ?? 0;
      if (s.status === "succeeded" && times !== 1)
        problems.push(`${s.step_id} succeeded but executed ${times}×`);
      if (s.status !== "succeeded" && times !== 0)
        problems.push(`${s.step_id} is ${s.status} but was executed`);
      if (!["succeeded", "denied"].includes(s.status))
        problems.push(`${s.step_id} left ${s.status}`);
    });
  }
  if (stepsSeen !== answers.size)
    problems.push(`server has ${stepsSeen} steps, the agent proposed ${answers.size}`);
  for (const [id, n] of executed) if (n !== 1) problems.push(`${id} executed ${n}×`);
  return problems;
}

async function main() {
  const t0 = Date.now();
  start();
  await waitHealthy();
  const cookie = await signIn(`crash-${Date.now()}@example.com`);
  const tenant = await must("POST", "/api/tenants", { cookie, body: { name: "Crash" } }, 201);
  const tenantId = tenant.tenant?.id ?? tenant.id;
  const base = `/api/tenants/${tenantId}`;
  const { token } = await must(
    "POST",
    `${base}/tokens`,
    { cookie, body: { name: "agent", role: "operator" } },
    201,
  );

  let done = false;
  const work = agent(
    base,
    cookie,
    token,
    Number(process.env.CRASH_STEPS ?? 40),
    Number(process.env.CRASH_RUNS ?? 6),
  ).finally(() => {
    done = true;
  });
  const restarts = (async () => {
    while (!done && stats.kills < KILLS) {
      await sleep(400 + Math.random() * 1600);
      if (done) break;
      await killServer();
      stats.kills++;
      start();
      await waitHealthy();
    }
  })();
  await work;
  await restarts;
  const problems = await check(base, token);
  process.kill(-server.pid, "SIGTERM");
  const seconds = ((Date.now() - t0) / 1000).toFixed(0);
  console.log(
    `crash test: ${stats.kills} kills, ${stats.runs} runs, ${stats.steps} steps (${stats.replays} replayed proposals), ${stats.approvals} approvals, ${stats.executed} executions, ${stats.retries} retried calls, ${seconds} s`,
  );
  if (problems.length > 0) {
    console.error(`FAILED: ${problems.length} problems\n${problems.slice(0, 20).join("\n")}`);
    process.exit(1);
  }
  console.log("ok: every step is where the agent left it; nothing lost, nothing executed twice");
  rmSync(state, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  if (server) process.kill(-server.pid, "SIGKILL");
  process.exit(1);
});
