/** What `useRef<HTMLInputElement>(null)` gives. */
export type InputRef = { current: HTMLInputElement | null };

export const SECRET_NOTICE = "Stored encrypted, never sent to the AI.";

/**
 * A masked field for a secret value. It is never bound to state or to the `value` attribute:
 * the caller reads `ref.current.value` when saving and clears it right after, so the value is
 * never in the page's HTML and never rendered back.
 */
export function SecretValueField(props: {
  id: string;
  label: string;
  inputRef: InputRef;
  issue?: string | undefined;
  notice?: string;
}) {
  const notice = `${props.id}-notice`;
  const issue = `${props.id}-issue`;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        ref={props.inputRef}
        type="password"
        autocomplete="off"
        autocapitalize="none"
        spellcheck={false}
        data-1p-ignore="true"
        data-lpignore="true"
        aria-invalid={props.issue ? "true" : undefined}
        aria-describedby={props.issue ? `${issue} ${notice}` : notice}
      />
      {props.issue ? (
        <p id={issue} class="field-issue" role="alert">
          {props.issue}
        </p>
      ) : null}
      <p id={notice} class="secret-notice">
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" fill="none">
          <path
            d="M7 10V8a5 5 0 0 1 10 0v2M5.5 10h13v10h-13Z"
            stroke="currentColor"
            stroke-width="2"
            stroke-linejoin="round"
          />
        </svg>
        {props.notice ?? SECRET_NOTICE}
      </p>
    </div>
  );
}

/** Reads and clears a secret field in one go; null when it is empty. */
export function takeSecretValue(ref: InputRef): string | null {
  const field = ref.current;
  if (!field || field.value === "") return null;
  const value = field.value;
  field.value = "";
  return value;
}
