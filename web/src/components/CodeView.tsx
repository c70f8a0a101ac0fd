import { splitLines } from "../diff";

/** Read-only source with line numbers; long lines scroll inside the box, never the page. */
export function CodeView(props: { source: string; label: string }) {
  const lines = splitLines(props.source);
  return (
    <div class="code-scroll" tabindex={0} role="region" aria-label={props.label}>
      <ol class="code-view">
        {lines.map((line, i) => (
          <li key={i}>
            <code>{line || " "}</code>
          </li>
        ))}
      </ol>
    </div>
  );
}
