import { useState } from "hono/jsx/dom";
import { useActorNames } from "../../actor-names";
import { Button } from "../../components/ui";
import type { Workspace } from "../../workspace";
import { AUDIT_TYPES } from "./Audit";

/** What the browser narrows the log to; empty strings mean "any". */
export interface AuditFilters {
  type: string;
  actor: string;
  run: string;
  /** `datetime-local` values, in the viewer's time zone. */
  from: string;
  to: string;
  q: string;
}

export const NO_FILTERS: AuditFilters = { type: "", actor: "", run: "", from: "", to: "", q: "" };

/** A `datetime-local` value (local time) as the ISO instant the API takes. */
export function localToIso(value: string): string | undefined {
  if (!value) return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

export function FiltersForm(props: {
  ws: Workspace;
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}) {
  const names = useActorNames(props.ws);
  const [draft, setDraft] = useState<AuditFilters>(props.filters);
  const set =
    (key: keyof AuditFilters) =>
    (e: Event): void =>
      setDraft({ ...draft, [key]: (e.target as HTMLInputElement | HTMLSelectElement).value });
  const apply = (event: Event) => {
    event.preventDefault();
    props.onApply({ ...draft, run: draft.run.trim(), q: draft.q.trim() });
  };
  const filtered = Object.values(props.filters).some((v) => v !== "");
  return (
    <form class="stack" onSubmit={apply} aria-label="Filter events" noValidate>
      <div class="filters">
        <div class="field">
          <label for="audit-type">Show</label>
          <select
            id="audit-type"
            value={draft.type}
            onChange={(e: Event) => {
              // The type alone applies at once, as it always did.
              const next = { ...draft, type: (e.target as HTMLSelectElement).value };
              setDraft(next);
              props.onApply(next);
            }}
          >
            <option value="" selected={draft.type === ""}>
              All events
            </option>
            {AUDIT_TYPES.map((t) => (
              <option key={t} value={t} selected={t === draft.type}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="audit-actor">By</label>
          <select id="audit-actor" value={draft.actor} onChange={set("actor")}>
            <option value="" selected={draft.actor === ""}>
              Anyone
            </option>
            {[...names.emails].map(([id, email]) => (
              <option key={id} value={id} selected={id === draft.actor}>
                {email}
              </option>
            ))}
            {[...names.tokens].map(([id, name]) => (
              <option key={id} value={id} selected={id === draft.actor}>
                token “{name}”
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="audit-run">Run id</label>
          <input
            id="audit-run"
            type="text"
            autocomplete="off"
            spellcheck={false}
            value={draft.run}
            onInput={set("run")}
          />
        </div>
        <div class="field">
          <label for="audit-from">From</label>
          <input id="audit-from" type="datetime-local" value={draft.from} onInput={set("from")} />
        </div>
        <div class="field">
          <label for="audit-to">Until</label>
          <input id="audit-to" type="datetime-local" value={draft.to} onInput={set("to")} />
        </div>
        <div class="field">
          <label for="audit-q">Search</label>
          <input
            id="audit-q"
            type="search"
            autocomplete="off"
            maxlength={200}
            value={draft.q}
            onInput={set("q")}
          />
        </div>
      </div>
      <div class="actions">
        <Button type="submit" variant="primary">
          Apply filters
        </Button>
        {filtered ? (
          <Button
            variant="quiet"
            onClick={() => {
              setDraft(NO_FILTERS);
              props.onApply(NO_FILTERS);
            }}
          >
            Clear filters
          </Button>
        ) : null}
      </div>
    </form>
  );
}
