import { vi } from "vitest";

export interface SiemRequest {
  url: string;
  headers: Headers;
  body: string;
}

/**
 * A SIEM receiver at the HTTP boundary (a webhook endpoint or Splunk HEC): records each
 * request, answers like the real thing (HEC: `{"text":"Success","code":0}`), and can be taken
 * down (connection refused, or a 503) and brought back.
 */
export function mockSiem(base: string) {
  const requests: SiemRequest[] = [];
  let mode: "up" | "refuse" | "503" = "up";
  let refused = 0;
  const realFetch = globalThis.fetch;
  const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input as RequestInfo, init);
    if (!request.url.startsWith(base)) return realFetch(input as RequestInfo, init);
    if (mode === "refuse") {
      refused++;
      throw new TypeError("Network connection lost.");
    }
    if (mode === "503") {
      refused++;
      return new Response(JSON.stringify({ text: "Server is busy", code: 9 }), { status: 503 });
    }
    requests.push({ url: request.url, headers: request.headers, body: await request.text() });
    return new Response(JSON.stringify({ text: "Success", code: 0 }), {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  });
  return {
    requests,
    refused: () => refused,
    down: (how: "refuse" | "503" = "refuse") => (mode = how),
    up: () => (mode = "up"),
    restore: () => spy.mockRestore(),
  };
}
