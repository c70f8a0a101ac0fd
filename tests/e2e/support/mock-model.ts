import { createServer } from "node:http";
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A scripted stand-in for Anthropic's Messages API on a loopback port: each `POST /v1/messages`
 * takes the next scripted turn and streams it with the real event shapes (message_start,
 * content_block_start / delta (text_delta, input_json_delta) / stop, message_delta,
 * message_stop). A turn may pause mid-stream until the test releases it, so the browser can be
 * seen showing streamed text before the message is complete.
 */

export type MockBlock =
  | { type: "text"; chunks: string[] }
  | { type: "tool_use"; id: string; name: string; input: Record<string, unknown> };

export interface MockTurn {
  blocks: MockBlock[];
  stopReason: "end_turn" | "tool_use";
  /** Pause after this many text chunks (over the whole turn) until `gate.open()`. */
  holdAfterChunks?: number;
  gate?: Gate;
}

export interface Gate {
  /** Settles when the stream reaches the pause. */
  reached: Promise<void>;
  open(): void;
  /** Internal: the stream waits on this. */
  opened: Promise<void>;
  markReached(): void;
}

export function gate(): Gate {
  let markReached = () => {};
  let open = () => {};
  const reached = new Promise<void>((r) => (markReached = r));
  const opened = new Promise<void>((r) => (open = r));
  return { reached, opened, open, markReached };
}

export interface RecordedRequest {
  headers: IncomingHttpHeaders;
  body: string;
  json: { model?: string; stream?: boolean; messages?: unknown[]; tools?: { name: string }[] };
}

export interface MockModel {
  port: number;
  /** As the session is told: `http://localhost:<port>`. */
  baseUrl: string;
  requests: RecordedRequest[];
  script(...turns: MockTurn[]): void;
  /** Turns not yet asked for. */
  remaining(): number;
  close(): Promise<void>;
}

const ANTHROPIC_VERSION = "2023-06-01";

function sse(res: ServerResponse, data: Record<string, unknown> & { type: string }) {
  res.write(`event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function errorBody(res: ServerResponse, status: number, type: string, message: string) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ type: "error", error: { type, message } }));
}

/** Splits JSON text into two fragments, as the API's input_json_delta events do. */
function fragments(json: string): string[] {
  const cut = Math.max(1, Math.floor(json.length / 2));
  return [json.slice(0, cut), json.slice(cut)];
}

async function streamTurn(res: ServerResponse, turn: MockTurn, model: string, n: number) {
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    connection: "keep-alive",
  });
  sse(res, {
    type: "message_start",
    message: {
      id: `msg_mock_${n}`,
      type: "message",
      role: "assistant",
      model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: 25, output_tokens: 1 },
    },
  });
  sse(res, { type: "ping" });
  let chunksSent = 0;
  for (const [index, block] of turn.blocks.entries()) {
    if (block.type === "text") {
      sse(res, { type: "content_block_start", index, content_block: { type: "text", text: "" } });
      for (const text of block.chunks) {
        sse(res, { type: "content_block_delta", index, delta: { type: "text_delta", text } });
        chunksSent += 1;
        if (turn.gate && turn.holdAfterChunks === chunksSent) {
          turn.gate.markReached();
          await turn.gate.opened;
        } else {
          await new Promise((r) => setTimeout(r, 30));
        }
      }
    } else {
      sse(res, {
        type: "content_block_start",
        index,
        content_block: { type: "tool_use", id: block.id, name: block.name, input: {} },
      });
      for (const partial_json of fragments(JSON.stringify(block.input))) {
        sse(res, {
          type: "content_block_delta",
          index,
          delta: { type: "input_json_delta", partial_json },
        });
      }
    }
    sse(res, { type: "content_block_stop", index });
  }
  sse(res, {
    type: "message_delta",
    delta: { stop_reason: turn.stopReason, stop_sequence: null },
    usage: { output_tokens: 42 },
  });
  sse(res, { type: "message_stop" });
  res.end();
}

/** Starts the mock on a free port of both loopback addresses (`localhost` may be either). */
export async function startMockAnthropic(apiKey: string): Promise<MockModel> {
  const turns: MockTurn[] = [];
  const requests: RecordedRequest[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== "POST" || req.url !== "/v1/messages") {
      errorBody(res, 404, "not_found_error", "Not found");
      return;
    }
    const body = await readBody(req);
    let json: RecordedRequest["json"] = {};
    try {
      json = JSON.parse(body) as RecordedRequest["json"];
    } catch {
      // Recorded as is; answered below.
    }
    requests.push({ headers: req.headers, body, json });
    if (req.headers["x-api-key"] !== apiKey) {
      errorBody(res, 401, "authentication_error", "invalid x-api-key");
      return;
    }
    if (req.headers["anthropic-version"] !== ANTHROPIC_VERSION || json.stream !== true) {
      errorBody(res, 400, "invalid_request_error", "expected a streaming request");
      return;
    }
    const turn = turns.shift();
    if (!turn) {
      errorBody(res, 400, "invalid_request_error", "the mock has no scripted turn left");
      return;
    }
    await streamTurn(res, turn, json.model ?? "claude-test", requests.length);
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) errorBody(res, 500, "api_error", "mock failure");
      else res.end();
    });
  };
  const v4 = createServer(listener);
  await new Promise<void>((resolve, reject) => {
    v4.once("error", reject);
    v4.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (v4.address() as AddressInfo).port;
  const servers: Server[] = [v4];
  const v6 = createServer(listener);
  const onV6 = await new Promise<boolean>((resolve) => {
    v6.once("error", () => resolve(false)); // no IPv6 loopback here: 127.0.0.1 serves alone
    v6.listen(port, "::1", () => resolve(true));
  });
  if (onV6) servers.push(v6);

  return {
    port,
    baseUrl: `http://localhost:${port}`,
    requests,
    script: (...next) => void turns.push(...next),
    remaining: () => turns.length,
    close: () =>
      Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.closeAllConnections();
              s.close(() => resolve());
            }),
        ),
      ).then(() => undefined),
  };
}
