import { api, messageOf } from "../../api";
import type { LoginEvent } from "../../api";
import { Alert, Badge, Button, Loading, Retry, Section } from "../../components/ui";
import { deviceLabel, formatDateTime, methodLabel } from "../../format";
import { usePages } from "../../hooks";

const PAGE_SIZE = 10;
const asPage = (p: { events: LoginEvent[]; next_cursor: string | null }) => ({
  items: p.events,
  next_cursor: p.next_cursor,
});

export function LoginHistorySection() {
  const {
    first,
    reload,
    items: events,
    cursor,
    loadMore,
    loadingMore,
    error,
  } = usePages((c) => api.loginEvents(c, PAGE_SIZE).then(asPage));

  return (
    <Section
      id="history"
      title="Sign-in history"
      intro="Every sign-in to your account, newest first: how, from which device and browser, and roughly where. “New device” marks the first sign-in from a browser."
    >
      {first.state === "loading" ? <Loading label="Loading history…" /> : null}
      {first.state === "error" ? <Retry error={first.error} onRetry={reload} /> : null}
      {first.state === "ready" && events.length === 0 ? (
        <p class="empty">No sign-ins yet.</p>
      ) : null}
      {events.length > 0 ? (
        <ul class="rows" aria-label="Sign-in history">
          {events.map((e) => (
            <li key={e.id} class="row">
              <div class="row-main">
                <p class="row-title">
                  {methodLabel(e.method)}
                  {e.new_device ? <Badge tone="warning">New device</Badge> : null}
                  <time class="row-time" datetime={e.created_at}>
                    {formatDateTime(e.created_at)}
                  </time>
                </p>
                <p class="meta">{deviceLabel(e)}</p>
                <p class="meta">
                  {e.location ?? "Place unknown"} · IP {e.ip ?? "unknown"}
                </p>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <Alert message={error ? messageOf(error) : null} />
      {cursor ? (
        <Button wide busy={loadingMore} busyLabel="Loading…" onClick={loadMore}>
          Show earlier sign-ins
        </Button>
      ) : null}
    </Section>
  );
}
