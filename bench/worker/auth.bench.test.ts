import { createExecutionContext, env } from "cloudflare:test";
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { expect, it } from "vitest";
import worker from "../../workers/index";
import { call, freshEmail, freshIp, latestCode, ORIGIN, signUp } from "../../tests/helpers/client";
import { SoftAuthenticator } from "../../tests/helpers/soft-authenticator";
import { report, summarize } from "../measure";

/*
 * Server-side time of a verify request: the Worker's fetch handler, called directly, from
 * request to response (the notification email is sent afterwards via waitUntil and is not part
 * of the request). workerd's clock has 1 ms resolution and advances at I/O, so each sample is a
 * batch of requests prepared beforehand, run back to back, divided by the batch size.
 */
const BATCHES = 12;
const PER_BATCH = 10;

async function timeBatch(requests: Request[]): Promise<number> {
  const t0 = performance.now();
  for (const request of requests) {
    const res = await worker.fetch(
      request as Request<unknown, IncomingRequestCfProperties>,
      env,
      createExecutionContext(),
    );
    expect(res.status).toBe(200);
  }
  return (performance.now() - t0) / requests.length;
}

async function measure(name: string, prepare: () => Promise<Request>) {
  const samples: number[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const batch: Request[] = [];
    for (let i = 0; i < PER_BATCH; i++) batch.push(await prepare());
    samples.push(await timeBatch(batch));
  }
  const s = summarize(samples.slice(2));
  report({
    name,
    median: s.medianMs,
    p95: s.p95Ms,
    unit: "ms",
    budget: "≤ 5 ms",
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
