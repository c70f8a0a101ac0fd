import { useState } from "hono/jsx/dom";
import { Button } from "../../components/ui";

/** A value shown as code with a copy button (falls back to selecting it). */
export function CopyField(props: { label: string; value: string; multiline?: boolean }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div class="copy-field">
      {props.multiline ? (
        <pre class="code-block" aria-label={props.label}>
          {props.value}
        </pre>
      ) : (
        <code class="token-value" aria-label={props.label}>
          {props.value}
        </code>
      )}
      <Button variant="secondary" label={`Copy ${props.label}`} onClick={() => void copy()}>
        {copied ? "Copied" : "Copy"}
      </Button>
    </div>
  );
}
