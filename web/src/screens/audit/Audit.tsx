import { useState } from "hono/jsx/dom";
import { PageHead } from "../../components/ui";
import type { Workspace } from "../../workspace";
import { EventsList } from "./EventsList";
import { SinksSection } from "./SinksSection";
import { FiltersForm, NO_FILTERS } from "./FiltersForm";
import type { AuditFilters } from "./FiltersForm";
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

/** The tenant's hash-chained log: browse it (newest first, filtered), verify it here, export it. */
export function Audit(props: { ws: Workspace }) {
  const { ws } = props;
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
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
        <h2 id="events-title">Events, newest first</h2>
        <FiltersForm ws={ws} filters={filters} onApply={setFilters} />
        <EventsList key={JSON.stringify(filters)} ws={ws} filters={filters} />
      </section>
    </main>
  );
}
