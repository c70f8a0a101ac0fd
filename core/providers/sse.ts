/**
 * Server-sent events parsing per the HTML Living Standard §9.2.6 ("Interpreting an event
 * stream"): UTF-8 with an optional BOM, lines ended by CRLF, LF or CR, `field: value` lines,
 * `:` comments, multi-line `data`, dispatch on a blank line. Chunks may split anywhere, even
 * inside a multi-byte character or between the CR and LF of one line break.
 */

export interface SseEvent {
  /** The `event:` field, or "message" when the event had none. */
  event: string;
  /** The `data:` lines joined with "\n". */
  data: string;
  /** The last `id:` seen so far on the stream (the spec's last event ID). */
  id: string;
}

const LF = 0x0a;
const CR = 0x0d;

export class SseDecoder {
  private readonly utf8 = new TextDecoder("utf-8");
  /** The current unterminated line, in pieces (joined only once its line break arrives). */
  private partial: string[] = [];
  private skipLeadingLf = false;
  private eventType = "";
  private data = "";
  private hasData = false;
  private lastId = "";

  /** Feeds the next chunk; returns the events it completed. */
  push(chunk: Uint8Array | string): SseEvent[] {
    let text = typeof chunk === "string" ? chunk : this.utf8.decode(chunk, { stream: true });
    if (this.skipLeadingLf && text.length > 0) {
      if (text.charCodeAt(0) === LF) text = text.slice(1);
      this.skipLeadingLf = false;
    }
    const events: SseEvent[] = [];
    let lineStart = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== LF && c !== CR) continue;
      let line = text.slice(lineStart, i);
      if (this.partial.length > 0) {
        line = this.partial.join("") + line;
        this.partial = [];
      }
      this.processLine(line, events);
      if (c === CR) {
        if (i + 1 === text.length) this.skipLeadingLf = true;
        else if (text.charCodeAt(i + 1) === LF) i++;
      }
      lineStart = i + 1;
    }
    if (lineStart < text.length) this.partial.push(text.slice(lineStart));
    return events;
  }

  private processLine(line: string, events: SseEvent[]): void {
    if (line === "") {
      this.dispatch(events);
      return;
    }
    if (line.charCodeAt(0) === 0x3a /* ":" comment */) return;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    switch (field) {
      case "event":
        this.eventType = value;
        break;
      case "data":
        this.data = this.hasData ? `${this.data}\n${value}` : value;
        this.hasData = true;
        break;
      case "id":
        if (!value.includes("\0")) this.lastId = value;
        break;
      default:
      // `retry` only matters to reconnecting clients; unknown fields are ignored by the spec.
    }
  }

  private dispatch(events: SseEvent[]): void {
    if (this.hasData) {
      events.push({
        event: this.eventType === "" ? "message" : this.eventType,
        data: this.data,
        id: this.lastId,
      });
    }
    this.eventType = "";
    this.data = "";
    this.hasData = false;
  }
}
