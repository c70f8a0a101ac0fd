import { vi } from "vitest";
import { ed25519Cosigner, type Cosigner } from "../../core/audit/c2sp-cosignature";
import { ed25519NoteVerifier, type NoteVerifier } from "../../core/audit/c2sp-note";
import { witnessAddCheckpoint, type WitnessState } from "../../core/audit/c2sp-witness";

export const WITNESS_BASE = "https://witness.mock.test";

export interface WitnessCall {
  url: string;
  body: string;
  status: number;
}

/**
 * A C2SP tlog-witness at the HTTP boundary: `POST <prefix>/add-checkpoint` with the protocol's
 * real request and response shapes, backed by the same witness logic `gatehouse witness serve`
 * runs. `down()` makes it refuse connections until `up()`; `forge()` makes it answer with a
 * cosignature line that does not verify.
 */
export async function mockWitness(name = "witness.mock.test/w1") {
  const cosigner: Cosigner = await ed25519Cosigner(
    name,
    crypto.getRandomValues(new Uint8Array(32)),
  );
  const logs = new Map<string, NoteVerifier[]>();
  let state: WitnessState = {};
  let isDown = false;
  let forging = false;
  const calls: WitnessCall[] = [];
  const realFetch = globalThis.fetch;
  const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input as RequestInfo, init);
    if (!request.url.startsWith(WITNESS_BASE)) return realFetch(input as RequestInfo, init);
    if (isDown) throw new TypeError("Network connection lost.");
    const body = await request.text();
    if (request.method !== "POST" || new URL(request.url).pathname !== "/add-checkpoint") {
      calls.push({ url: request.url, body, status: 404 });
      return new Response("not found\n", { status: 404 });
    }
    const reply = await witnessAddCheckpoint(
      body,
      state,
      { cosigner, logs },
      Math.floor(Date.now() / 1000),
    );
    if (reply.state) state = reply.state;
    calls.push({ url: request.url, body, status: reply.status });
    let answer = reply.body;
    if (forging && reply.status === 200) {
      const [dash, keyName, sig] = answer.trim().split(" ");
      const bytes = Uint8Array.from(atob(sig!), (c) => c.charCodeAt(0));
      bytes[20] = bytes[20]! ^ 0xff;
      answer = `${dash} ${keyName} ${btoa(String.fromCharCode(...bytes))}\n`;
    }
    return new Response(answer, {
      status: reply.status,
      headers: { "content-type": reply.contentType },
    });
  });
  return {
    name,
    vkey: cosigner.vkey,
    calls,
    state: () => state,
    /** Trust a log key (its origin is the key's name). */
    trust: (vkey: string) => {
      const v = ed25519NoteVerifier(vkey);
      logs.set(v.key.name, [v]);
    },
    down: () => (isDown = true),
    up: () => (isDown = false),
    forge: () => (forging = true),
    restore: () => spy.mockRestore(),
  };
}
