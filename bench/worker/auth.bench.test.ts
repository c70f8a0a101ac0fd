import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { expect, it } from "vitest";
import worker from "../../workers/index";
import { call, freshEmail, freshIp, latestCode, ORIGIN, signUp } from "../../tests/helpers/client";
import { SoftAuthenticator } from "../../tests/helpers/soft-authenticator";
import { interceptD1 } from "../../platform/db/intercept";
import { report, summarize } from "../measure";

/*
 * Server-side time of a request: the Worker's fetch handler, called directly, from request to
 * response (the notification email is sent afterwards via waitUntil and is not part of the
 * request). workerd's clock has 1 ms resolution and advances at I/O, so each sample is a batch
 * of requests prepared beforehand, run back to back, divided by the batch size. Each request
 * gets its own D1 binding that counts round trips (calls to first/all/run/raw/batch/exec) made
 * before its answer.
 */
const BATCHES = 12;
const PER_BATCH = 10;

interface Prepared {
  request: Request;
  env: typeof env;
  roundTrips: { n: number };
}

function prepared(request: Request): Prepared {
  const roundTrips = { n: 0 };
  const DB = interceptD1(env.DB, (_call, execute) => {
    roundTrips.n++;
    return execute();
  });
  return { request, env: { ...env, DB }, roundTrips };
}

async function timeBatch(batch: Prepared[], trips: number[]): Promise<number> {
  const contexts: ExecutionContext[] = [];
  const before: number[] = [];
  const t0 = performance.now();
  for (const p of batch) {
    const ctx = createExecutionContext();
    contexts.push(ctx);
    const res = await worker.fetch(
      p.request as Request<unknown, IncomingRequestCfProperties>,
      p.env,
      ctx,
    );
    before.push(p.roundTrips.n);
    expect(res.status).toBe(200);
  }
  const perRequest = (performance.now() - t0) / batch.length;
  trips.push(...before);
  for (const ctx of contexts) await waitOnExecutionContext(ctx);
  return perRequest;
}

async function measure(name: string, prepare: () => Promise<Request>) {
  const samples: number[] = [];
  const trips: number[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const batch: Prepared[] = [];
    for (let i = 0; i < PER_BATCH; i++) batch.push(prepared(await prepare()));
    samples.push(await timeBatch(batch, trips));
  }
  const s = summarize(samples.slice(2));
  const [low, high] = [Math.min(...trips), Math.max(...trips)];
  report({
    name: `${name}; D1 round trips: ${low === high ? low : `${low}–${high}`}`,
    median: s.medianMs,
    p95: s.p95Ms,
    unit: "ms",
    budget: "≤ 5 ms, 1 round trip",
    samples: (BATCHES - 2) * PER_BATCH,
  });
}

const post = (path: string, body: unknown, ip: string) =>
  new Request(`${ORIGIN}${path}`, {
    method: "POST",
    headers: { origin: ORIGIN, "content-type": "application/json", "cf-connecting-ip": ip },
    body: JSON.stringify(body),
  });

it("D1 round trip (reference)", async () => {
  const samples: number[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const t0 = performance.now();
    for (let i = 0; i < PER_BATCH; i++) await env.DB.prepare("SELECT 1 AS one").first();
    samples.push((performance.now() - t0) / PER_BATCH);
  }
  const s = summarize(samples.slice(2));
  report({
    name: "local D1 round trip (SELECT 1), for reference",
    median: s.medianMs,
    p95: s.p95Ms,
    unit: "ms",
    budget: "informational",
    samples: (BATCHES - 2) * PER_BATCH,
  });
});

it("OTP verify", async () => {
  await measure("OTP verify (server side)", async () => {
    const email = freshEmail("bench");
    const ip = freshIp();
    await call("/api/auth/otp/start", { body: { email }, ip });
    return post("/api/auth/otp/verify", { email, code: await latestCode(email) }, ip);
  });
});

it("passkey verify", async () => {
  const a = await signUp();
  const options = (await (
    await call("/api/me/passkeys/options", { method: "POST", cookie: a.cookie })
  ).json()) as PublicKeyCredentialCreationOptionsJSON;
  const auth = new SoftAuthenticator();
  const response = await auth.createCredential(options, { origin: ORIGIN });
  expect((await call("/api/me/passkeys", { body: { response }, cookie: a.cookie })).status).toBe(
    201,
  );

  await measure("passkey verify (server side)", async () => {
    const ip = freshIp();
    const login = (await (
      await call("/api/auth/passkey/options", { method: "POST", ip })
    ).json()) as PublicKeyCredentialRequestOptionsJSON;
    const assertion = await auth.getAssertion(login, { origin: ORIGIN });
    return post("/api/auth/passkey/verify", { response: assertion }, ip);
  });
});

it("GET /api/me", async () => {
  const a = await signUp();
  await measure(
    "GET /api/me (server side)",
    async () => new Request(`${ORIGIN}/api/me`, { headers: { origin: ORIGIN, cookie: a.cookie } }),
  );
});
