import { useState } from "hono/jsx/dom";
import { PageHead } from "../../components/ui";
import type { Workspace } from "../../workspace";
import { EventsList } from "./EventsList";
import { SinksSection } from "./SinksSection";
import { VerifySection } from "./VerifySection";

/** Event types the runtime writes; the filter also accepts any other. */
export const AUDIT_TYPES = [
  "run.opened",
  "run.cancelled",
  "step.proposed",
  "step.decided",
  "step.checkpointed",
  "step.completed",
  "approval.requested",
  "approval.approved",
  "approval.denied",
  "approval.expired",
  "policy.created",
  "policy.activated",
  "session.created",
  "anomaly.detected",
] as const;

/** The tenant's hash-chained log: browse it, verify it here, export it. */
export function Audit(props: { ws: Workspace }) {
  const { ws } = props;
  const [type, setType] = useState("");
  return (
    <main class="screen" aria-labelledby="audit-title">
      <PageHead id="audit-title" title="Audit log" tenant={ws.tenant.name}>
        <p class="muted">
          Every decision and action, hash-chained and signed. Anyone with the export and the public
          keys can check that nothing was changed or left out.
        </p>
      </PageHead>
      {ws.can("audit.export") ? <VerifySection ws={ws} /> : null}
      {ws.can("audit.read") ? <SinksSection ws={ws} /> : null}
      <section class="card" aria-labelledby="events-title">
        <h2 id="events-title">Events</h2>
        <div class="field">
          <label for="audit-type">Show</label>
          <select
            id="audit-type"
            value={type}
            onChange={(e: Event) => setType((e.target as HTMLSelectElement).value)}
          >
            <option value="" selected={type === ""}>
              All events
            </option>
            {AUDIT_TYPES.map((t) => (
              <option key={t} value={t} selected={t === type}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <EventsList key={type || "all"} ws={ws} type={type} />
      </section>
    </main>
  );
}
