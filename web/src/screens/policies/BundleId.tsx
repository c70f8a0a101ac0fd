import { useState } from "hono/jsx/dom";
import { shortId } from "../../format";

/** A bundle id, shortened; tap to see all 64 characters. */
export function BundleId(props: { value: string; label?: string }) {
  const [full, setFull] = useState(false);
  return (
    <button
      type="button"
      class="bundle-id"
      aria-expanded={full ? "true" : "false"}
      title={full ? "Show less" : "Show the whole bundle id"}
      onClick={() => setFull(!full)}
    >
      <span class="bundle-label">{props.label ?? "Bundle"}</span>{" "}
      <code class={full ? "break" : undefined}>{full ? props.value : shortId(props.value)}</code>
    </button>
  );
}
