import { useRef, useState } from "hono/jsx/dom";
import { ApiError, messageOf } from "../../api";
import { Button } from "../../components/ui";

export const KEY_NOTICE = "Never paste API keys here — store them in the Vault.";

/**
 * The message box. Disabled while the agent works; a refused message (it contained a provider
 * key, or the agent was still busy) stays in the box with the reason, so it can be fixed.
 */
export function Composer(props: {
  /** The agent is working (or the session was stopped); the status line says which. */
  disabled: boolean;
  placeholder: string;
  onSend: (content: string) => Promise<void>;
}) {
  const [text, setText] = useState("");
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const locked = props.disabled || sending;

  const send = async (event?: Event) => {
    event?.preventDefault();
    if (locked) return;
    const content = text.trim();
    if (!content) {
      setProblem("Write a message first.");
      box.current?.focus();
      return;
    }
    setSending(true);
    setProblem(null);
    try {
      await props.onSend(content);
      setText("");
    } catch (e) {
      setProblem(refusal(e));
      // A key refused by the server must not linger on screen (or be sent again by mistake).
      if (e instanceof ApiError && e.code === "secret_in_message") {
        setText("");
        if (box.current) box.current.value = "";
      }
      box.current?.focus();
    } finally {
      setSending(false);
    }
  };

  return (
    <form class="composer" aria-label="Message the agent" onSubmit={send} noValidate>
      <label for="composer-text" class="visually-hidden">
        Message
      </label>
      {problem ? (
        <p id="composer-problem" class="alert alert-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div class="composer-row">
        <textarea
          id="composer-text"
          ref={box}
          rows={2}
          maxlength={20000}
          placeholder={props.placeholder}
          disabled={locked}
          value={text}
          aria-invalid={problem ? "true" : undefined}
          aria-describedby={problem ? "composer-problem composer-notice" : "composer-notice"}
          onInput={(e: Event) => setText((e.target as HTMLTextAreaElement).value)}
          onKeyDown={(e: KeyboardEvent) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) void send(e);
          }}
        />
        <Button
          type="submit"
          variant="primary"
          busy={sending}
          busyLabel="Sending…"
          disabled={props.disabled}
        >
          Send
        </Button>
      </div>
      <p id="composer-notice" class="composer-notice">
        {KEY_NOTICE}
      </p>
    </form>
  );
}

/** What to tell the person when the server did not take the message. */
function refusal(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === "secret_in_message") {
      return `${error.message} The message was cleared; put the key in the vault and send the rest again.`;
    }
    if (error.code === "session_busy") return error.message;
    const issue = error.issueFor("content");
    if (issue) return `The message was not sent: ${issue}.`;
  }
  return messageOf(error);
}
