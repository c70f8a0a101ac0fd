import { useState } from "hono/jsx/dom";
import { api, ApiError, messageOf } from "../../api";
import type { SessionInfo } from "../../api";
import { Alert, Badge, Button, Loading, Retry, Section } from "../../components/ui";
import { deviceLabel, formatDateTime, methodLabel, relativeTime } from "../../format";
import { useResource } from "../../hooks";

export function LoginSessionsSection(props: { onSignedOut: (notice: string) => void }) {
  const [list, reload] = useResource(() => api.sessions().then((r) => r.sessions));
  const [busy, setBusy] = useState<string | null>(null);
  const [confirmAll, setConfirmAll] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const revoke = async (s: SessionInfo) => {
    setBusy(s.id);
    setError(null);
    setNotice(null);
    try {
      await api.revokeSession(s.id);
      setNotice(`Signed out ${deviceLabel(s)}.`);
    } catch (e) {
      // Already gone (expired or revoked elsewhere) is what the person wanted anyway.
      if (!(e instanceof ApiError && e.status === 404)) setError(e);
    }
    await reload();
    setBusy(null);
  };

  const revokeAll = async (keepCurrent: boolean) => {
    setBusy(keepCurrent ? "others" : "all");
    setError(null);
    setNotice(null);
    try {
      const { revoked } = await api.revokeAllSessions(keepCurrent);
      if (!keepCurrent) {
        props.onSignedOut(
          `Signed out everywhere (${revoked} ${revoked === 1 ? "session" : "sessions"}).`,
        );
        return;
      }
      setNotice(`Signed out ${revoked} other ${revoked === 1 ? "session" : "sessions"}.`);
      setConfirmAll(false);
      await reload();
    } catch (e) {
      setError(e);
    }
    setBusy(null);
  };

  const others = list.state === "ready" ? list.data.filter((s) => !s.current).length : 0;
  return (
    <Section
      id="sign-ins"
      title="Sign-ins"
      intro="Where you are signed in now. Sign out anything you do not recognise."
    >
      {list.state === "loading" ? <Loading label="Loading sign-ins…" /> : null}
      {list.state === "error" ? <Retry error={list.error} onRetry={reload} /> : null}
      {list.state === "ready" ? (
        <ul class="rows" aria-label="Your sessions">
          {list.data.map((s) => (
            <li key={s.id} class="row" data-current={s.current ? "true" : undefined}>
              <div class="row-main">
                <p class="row-title">
                  {deviceLabel(s)}
                  {s.current ? <Badge tone="accent">This device</Badge> : null}
                </p>
                <p class="meta">
                  Signed in with {methodLabel(s.auth_method)} · IP {s.ip ?? "unknown"}
                </p>
                <p class="meta">
                  Started {formatDateTime(s.created_at)}
                  {s.location ? ` · ${s.location}` : ""}
                </p>
                <p class="meta">Last seen {relativeTime(s.last_seen_at)}</p>
              </div>
              {s.current ? null : (
                <div class="row-actions">
                  <Button
                    variant="quiet"
                    label={`Sign out ${deviceLabel(s)}`}
                    busy={busy === s.id}
                    busyLabel="Signing out…"
                    disabled={busy !== null}
                    onClick={() => revoke(s)}
                  >
                    Sign out
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <Alert message={error ? messageOf(error) : null} />
      <Alert message={notice} tone="info" />
      {confirmAll ? (
        <div class="stack inline-panel">
          <p>This signs out every session, including this one.</p>
          <div class="actions">
            <Button
              variant="danger"
              busy={busy === "all"}
              busyLabel="Signing out…"
              disabled={busy !== null}
              onClick={() => revokeAll(false)}
            >
              Sign out everywhere
            </Button>
            <Button variant="quiet" disabled={busy !== null} onClick={() => setConfirmAll(false)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <div class="actions">
          {others > 0 ? (
            <Button
              busy={busy === "others"}
              busyLabel="Signing out…"
              disabled={busy !== null}
              onClick={() => revokeAll(true)}
            >
              Sign out other sessions
            </Button>
          ) : null}
          <Button variant="danger" disabled={busy !== null} onClick={() => setConfirmAll(true)}>
            Sign out everywhere
          </Button>
        </div>
      )}
    </Section>
  );
}
