import { useRef, useState } from "hono/jsx/dom";
import { Alert, Button } from "../../components/ui";

/** The one time a token is shown: copy it, then it is gone for good. */
export function NewToken(props: { token: string; name: string; onDone: () => void }) {
  const [copied, setCopied] = useState<"yes" | "select" | null>(null);
  const box = useRef<HTMLElement>(null);

  const selectToken = () => {
    const node = box.current;
    const selection = window.getSelection();
    if (!node || !selection) return;
    const range = document.createRange();
    range.selectNodeContents(node);
    selection.removeAllRanges();
    selection.addRange(range);
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.token);
      setCopied("yes");
    } catch {
      // No clipboard access (permissions, old browser): select it for a manual copy.
      selectToken();
      setCopied("select");
    }
  };

  return (
    <section class="card new-token" aria-labelledby="new-token-title">
      <h2 id="new-token-title">Copy your new token now</h2>
      <p class="warning-text">
        <strong>You won't see it again.</strong> Only a hash of “{props.name}” is stored; if you
        lose it, revoke it and create another.
      </p>
      <code class="token-value" ref={box} aria-label="New API token">
        {props.token}
      </code>
      <Alert
        message={
          copied === "yes"
            ? "Copied to the clipboard."
            : copied === "select"
              ? "Copying is blocked here: the token is selected, copy it yourself."
              : null
        }
        tone="info"
      />
      <div class="actions">
        <Button variant="primary" onClick={() => void copy()}>
          {copied === "yes" ? "Copied" : "Copy token"}
        </Button>
        <Button variant="quiet" onClick={props.onDone}>
          I've stored it
        </Button>
      </div>
    </section>
  );
}
