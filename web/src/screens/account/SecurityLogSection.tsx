import { api, messageOf } from "../../api";
import type { SecurityEvent } from "../../api";
import { Alert, Button, Loading, Retry, Section } from "../../components/ui";
import { formatDateTime } from "../../format";
import { usePages } from "../../hooks";
import { describeSecurityEvent } from "../../security-log";

const PAGE_SIZE = 10;
const asPage = (p: { events: SecurityEvent[]; next_cursor: string | null }) => ({
  items: p.events,
  next_cursor: p.next_cursor,
});

/** The person's own security log: sign-ins, passkeys, sessions, tokens, roles, "wasn't me". */
export function SecurityLogSection() {
  const {
    first,
    reload,
    items: events,
    cursor,
    loadMore,
    loadingMore,
    error,
  } = usePages((c) => api.securityEvents(c, PAGE_SIZE).then(asPage));

  return (
    <Section
      id="security-log"
      title="Security log"
      intro="Changes to your account and sign-ins, newest first. Each important one was also emailed to you."
    >
      {first.state === "loading" ? <Loading label="Loading the log…" /> : null}
      {first.state === "error" ? <Retry error={first.error} onRetry={reload} /> : null}
      {first.state === "ready" && events.length === 0 ? <p class="empty">Nothing yet.</p> : null}
      {events.length > 0 ? (
        <ul class="rows" aria-label="Security log">
          {events.map((e) => (
            <li key={e.id} class="row">
              <div class="row-main">
                <p class="row-title">
                  {describeSecurityEvent(e)}
                  <time class="row-time" datetime={e.created_at}>
                    {formatDateTime(e.created_at)}
                  </time>
                </p>
                {e.ip ? <p class="meta">IP {e.ip}</p> : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <Alert message={error ? messageOf(error) : null} />
      {cursor ? (
        <Button wide busy={loadingMore} busyLabel="Loading…" onClick={loadMore}>
          Show earlier entries
        </Button>
      ) : null}
    </Section>
  );
}
