import { useState } from "hono/jsx/dom";
import { ErrorOrStepUp } from "../../components/Confirm";
import { Name } from "../../components/Name";
import { grantableRoles } from "../../../../core/permissions";
import type { Role } from "../../../../core/permissions";
import { ApiError, messageOf } from "../../api";
import { ConfirmPanel } from "../../components/Confirm";
import { Alert, Badge, Button, Loading, PageHead, Retry, Section } from "../../components/ui";
import { formatExpiry, relativeTime } from "../../format";
import { useAction, useResource } from "../../hooks";
import { ROLE_LABELS } from "../../labels";
import type { Tone } from "../../labels";
import type { ApiToken } from "../../tenant-api";
import { expiryFor, TOKEN_LIFETIMES } from "../../token-lifetimes";
import type { Workspace } from "../../workspace";
import { RoleSelect } from "../members/RoleSelect";
import { NewToken } from "./NewToken";

const STATUS_TONES: Readonly<Record<ApiToken["status"], Tone>> = {
  active: "success",
  expired: "neutral",
  revoked: "neutral",
};

/** API tokens for scripts and agents: created with a role and expiry, shown once, revocable. */
export function Tokens(props: { ws: Workspace }) {
  const { ws } = props;
  const [list, reload] = useResource(() => ws.api.tokens().then((r) => r.tokens));
  // The new token lives only here, in memory: a reload or leaving the screen forgets it.
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const changed = async (message: string) => {
    setNotice(message);
    await reload();
  };

  return (
    <main class="screen" aria-labelledby="tokens-title">
      <PageHead id="tokens-title" title="API tokens" tenant={ws.tenant.name}>
        <p class="muted">
          For scripts, CI and agents: send <code>Authorization: Bearer gth_…</code>. A token acts
          with the role you give it, in this tenant only.
        </p>
      </PageHead>
      {created ? (
        <NewToken token={created.token} name={created.name} onDone={() => setCreated(null)} />
      ) : null}
      {ws.can("tokens.create") && !created ? (
        <CreateTokenForm
          ws={ws}
          onCreated={async (token, name) => {
            setNotice(null);
            setCreated({ token, name });
            await reload();
          }}
        />
      ) : null}
      <Section id="token-list" title="Tokens">
        {list.state === "loading" ? <Loading label="Loading tokens…" /> : null}
        {list.state === "error" ? <Retry error={list.error} onRetry={reload} /> : null}
        {list.state === "ready" && list.data.length === 0 ? (
          <p class="empty">No API tokens yet.</p>
        ) : null}
        {list.state === "ready" && list.data.length > 0 ? (
          <ul class="rows" aria-label="API tokens">
            {list.data.map((t) => (
              <TokenRow key={t.id} ws={ws} token={t} onChanged={changed} />
            ))}
          </ul>
        ) : null}
        <Alert message={notice} tone="info" />
      </Section>
    </main>
  );
}

function CreateTokenForm(props: {
  ws: Workspace;
  onCreated: (token: string, name: string) => Promise<void>;
}) {
  const roles = grantableRoles(props.ws.tenant.role);
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>(roles.includes("viewer") ? "viewer" : roles[0]!);
  const [lifetime, setLifetime] = useState(1);
  const { busy, error, setError, run } = useAction<"create">();

  const create = async (event: Event) => {
    event.preventDefault();
    await run("create", async () => {
      const days = TOKEN_LIFETIMES[lifetime]?.days ?? null;
      const expires = expiryFor(days);
      const { token, api_token } = await props.ws.api.createToken({
        name: name.trim(),
        role,
        ...(expires ? { expires_at: expires } : {}),
      });
      setName("");
      await props.onCreated(token, api_token.name);
    });
  };

  const nameIssue = error instanceof ApiError ? error.issueFor("name") : undefined;
  return (
    <Section id="new-token" title="Create a token">
      <form class="stack" onSubmit={create} noValidate>
        <div class="field">
          <label for="token-name">Name</label>
          <input
            id="token-name"
            type="text"
            maxlength={64}
            autocomplete="off"
            placeholder="e.g. CI deploys"
            value={name}
            aria-invalid={nameIssue ? "true" : undefined}
            aria-describedby={nameIssue ? "token-name-issue" : undefined}
            onInput={(e: Event) => setName((e.target as HTMLInputElement).value)}
          />
          {nameIssue ? (
            <p id="token-name-issue" class="field-issue" role="alert">
              {nameIssue}
            </p>
          ) : null}
        </div>
        <div class="field-pair">
          <RoleSelect id="token-role" label="Role" roles={roles} value={role} onChange={setRole} />
          <div class="field">
            <label for="token-expiry">Expires after</label>
            <select
              id="token-expiry"
              value={String(lifetime)}
              onChange={(e: Event) => setLifetime(Number((e.target as HTMLSelectElement).value))}
            >
              {TOKEN_LIFETIMES.map((l, i) => (
                <option key={l.label} value={String(i)} selected={i === lifetime}>
                  {l.label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <ErrorOrStepUp
          error={nameIssue ? null : error}
          email={props.ws.me.user.email}
          onConfirmed={() => setError(null)}
        />
        <Button type="submit" variant="primary" busy={busy === "create"} busyLabel="Creating…">
          Create token
        </Button>
      </form>
    </Section>
  );
}

function TokenRow(props: {
  ws: Workspace;
  token: ApiToken;
  onChanged: (message: string) => Promise<void>;
}) {
  const t = props.token;
  const [confirming, setConfirming] = useState(false);
  const { busy, error, setError, run } = useAction<"revoke">();
  const revoke = () =>
    run("revoke", async () => {
      await props.ws.api.revokeToken(t.id);
      setConfirming(false);
      await props.onChanged(`Revoked “${t.name}”. It stops working on its next request.`);
    }).then(() => undefined);
  return (
    <li class="row" data-token={t.name}>
      <div class="row-main">
        <p class="row-title">
          <Name text={t.name} />
          <Badge>{ROLE_LABELS[t.role]}</Badge>
          <Badge tone={STATUS_TONES[t.status]}>{t.status}</Badge>
        </p>
        <p class="meta">
          Created {relativeTime(t.created_at)} by <span class="break">{t.created_by}</span>
        </p>
        <p class="meta">
          Expires {formatExpiry(t.expires_at)} · last used{" "}
          {t.last_used_at ? relativeTime(t.last_used_at) : "never"}
        </p>
      </div>
      {t.status === "active" && props.ws.can("tokens.revoke") && !confirming ? (
        <div class="row-actions">
          <Button variant="quiet" label={`Revoke ${t.name}`} onClick={() => setConfirming(true)}>
            Revoke
          </Button>
        </div>
      ) : null}
      {confirming ? (
        <ConfirmPanel
          confirmLabel="Revoke token"
          busyLabel="Revoking…"
          busy={busy === "revoke"}
          error={error}
          email={props.ws.me.user.email}
          danger
          onConfirm={revoke}
          onCancel={() => {
            setConfirming(false);
            setError(null);
          }}
        >
          <p>
            Revoke <strong class="break">{t.name}</strong>? Anything using it stops working.
          </p>
        </ConfirmPanel>
      ) : null}
    </li>
  );
}
