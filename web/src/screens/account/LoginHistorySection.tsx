import { useState } from "hono/jsx/dom";
import { api, messageOf } from "../../api";
import type { LoginEvent } from "../../api";
import { Alert, Badge, Button, Loading, Retry, Section } from "../../components/ui";
import { deviceLabel, formatDateTime, methodLabel } from "../../format";
import { useResource } from "../../hooks";

const PAGE_SIZE = 10;

export function LoginHistorySection() {
  const [first, reload] = useResource(() => api.loginEvents(null, PAGE_SIZE));
  const [more, setMore] = useState<{ events: LoginEvent[]; cursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const events = first.state === "ready" ? [...first.data.events, ...(more?.events ?? [])] : [];
  const cursor = more ? more.cursor : first.state === "ready" ? first.data.next_cursor : null;

  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    setError(null);
    try {
      const page = await api.loginEvents(cursor, PAGE_SIZE);
      setMore({ events: [...(more?.events ?? []), ...page.events], cursor: page.next_cursor });
    } catch (e) {
      setError(e);
    }
    setLoadingMore(false);
  };

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
