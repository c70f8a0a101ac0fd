import { createServer, type Server, type Socket } from "node:net";

/** One RFC 5424 message as received, with the seq and hash from its structured data. */
export interface SyslogFrame {
  pri: number;
  version: string;
  timestamp: string;
  hostname: string;
  app: string;
  msgid: string;
  sdSeq: number;
  sdHash: string;
  /** The message part: the event JSON. */
  event: { seq: number; hash: string; type: string };
}

const HEADER =
  /^<(\d{1,3})>(\d) (\S+) (\S+) (\S+) (\S+) (\S+) \[gatehouse@32473 seq="(\d+)" hash="([0-9a-f]+)"[^\]]*\] (\{.*\})$/s;

/**
 * A syslog receiver on a loopback TCP port, as a SIEM collector runs it: RFC 6587 octet-counted
 * frames (`<length> <message>`), each an RFC 5424 message. Anything that does not parse is kept
 * in `problems`. It can be stopped (the port refuses connections) and started again on the same
 * port.
 */
export async function startSyslogReceiver() {
  const frames: SyslogFrame[] = [];
  const problems: string[] = [];
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;

  const onConnection = (socket: Socket) => {
    sockets.add(socket);
    let buffer = Buffer.alloc(0);
    socket.on("data", (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const space = buffer.indexOf(0x20);
        if (space < 0) break;
        const length = buffer.subarray(0, space).toString("ascii");
        if (!/^[1-9]\d{0,8}$/.test(length)) {
          problems.push(`bad frame length ${JSON.stringify(length.slice(0, 20))}`);
          socket.destroy();
          return;
        }
        const end = space + 1 + Number(length);
        if (buffer.length < end) break;
        const message = buffer.subarray(space + 1, end).toString("utf8");
        buffer = buffer.subarray(end);
        const m = HEADER.exec(message);
        if (!m) {
          problems.push(`not RFC 5424: ${message.slice(0, 120)}`);
          continue;
        }
        frames.push({
          pri: Number(m[1]),
          version: m[2]!,
          timestamp: m[3]!,
          hostname: m[4]!,
          app: m[5]!,
          msgid: m[7]!,
          sdSeq: Number(m[8]),
          sdHash: m[9]!,
          event: JSON.parse(m[10]!) as SyslogFrame["event"],
        });
      }
    });
    socket.on("close", () => {
      if (buffer.length > 0) problems.push(`connection closed mid-frame (${buffer.length} bytes)`);
      sockets.delete(socket);
    });
    socket.on("error", () => {});
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer(onConnection);
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });

  await listen();
  return {
    frames,
    problems,
    get port() {
      return port;
    },
    /** Refuses connections from now on (and drops open ones) until `start()`. */
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        if (!server) return resolve();
        server.close(() => resolve());
        server = null;
      }),
    start: listen,
  };
}
