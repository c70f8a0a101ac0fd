import { ORIGIN_RULE } from "../../destinations";

/** Origin and header name of one header destination, with the problem (if any) under them. */
export function HeaderDestinationFields(props: {
  idPrefix: string;
  origin: string;
  header: string;
  issue: string | null | undefined;
  onOrigin: (value: string) => void;
  onHeader: (value: string) => void;
}) {
  const hint = `${props.idPrefix}-hint`;
  return (
    <>
      <div class="field-pair">
        <div class="field">
          <label for={`${props.idPrefix}-origin`}>Origin</label>
          <input
            id={`${props.idPrefix}-origin`}
            type="url"
            inputmode="url"
            class="mono-input"
            autocapitalize="off"
            autocomplete="off"
            spellcheck={false}
            maxlength={300}
            placeholder="https://api.example.com"
            value={props.origin}
            aria-invalid={props.issue ? "true" : undefined}
            aria-describedby={hint}
            onInput={(e: Event) => props.onOrigin((e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label for={`${props.idPrefix}-header`}>Header</label>
          <input
            id={`${props.idPrefix}-header`}
            type="text"
            class="mono-input"
            autocapitalize="off"
            autocomplete="off"
            spellcheck={false}
            maxlength={100}
            value={props.header}
            aria-describedby={hint}
            onInput={(e: Event) => props.onHeader((e.target as HTMLInputElement).value)}
          />
        </div>
      </div>
      <p
        id={hint}
        class={props.issue ? "field-issue" : "meta"}
        role={props.issue ? "alert" : undefined}
      >
        {props.issue ?? ORIGIN_RULE}
      </p>
    </>
  );
}
