import { useState } from "hono/jsx/dom";
import { messageOf } from "../../api";
import { Alert, Badge, Button, Loading, Retry } from "../../components/ui";
import { useAction, useResource } from "../../hooks";
import { consentApi } from "../../mcp-api";

/** The OAuth consent screen: an MCP client asks to use a tenant's tools as the signed-in person. */
export function Connect(props: { handle: string }) {
  const [consent, reload] = useResource(() => consentApi.get(props.handle));
  const [leaving, setLeaving] = useState(false);
  const { busy, error, run } = useAction<"approve" | "deny">();
  const answer = (decision: "approve" | "deny") =>
    run(decision, async () => {
      const { redirect_to } = await consentApi.answer(props.handle, decision);
      setLeaving(true);
      location.assign(redirect_to);
    });
  return (
    <main class="screen narrow" aria-labelledby="connect-title">
      <h1 id="connect-title">Connect an MCP client</h1>
      {consent.state === "loading" ? <Loading label="Loading the request…" /> : null}
      {consent.state === "error" ? <Retry error={consent.error} onRetry={reload} /> : null}
      {consent.state === "ready" ? (
        <section class="card" aria-label="Connection request">
          <p>
            <strong class="break">{consent.data.client.name}</strong>{" "}
            {consent.data.client.domain ? (
              <Badge tone="success">published by {consent.data.client.domain}</Badge>
            ) : (
              <Badge>name not verified</Badge>
            )}{" "}
            wants to use the tools of <strong class="break">{consent.data.tenant.name}</strong> as
            you.
          </p>
          <ul>
            <li>
              Access goes to <strong class="break">{consent.data.redirect_host}</strong>.
            </li>
            <li>Scopes: {consent.data.scopes.join(", ")}</li>
            <li>
              Every tool call it makes is checked by this tenant's policy, may wait for an approval,
              and is audited. You can disconnect it on the MCP screen.
            </li>
          </ul>
          {consent.data.redirect_is_loopback ? (
            <p class="warning-text">
              <strong>This sends access to an app on your computer.</strong> Continue only if you
              just started connecting from it.
            </p>
          ) : null}
          {consent.data.may_connect ? null : (
            <Alert message={`Your role (${consent.data.role}) may not connect MCP clients.`} />
          )}
          <Alert message={error ? messageOf(error) : null} />
          <div class="actions">
            <Button
              variant="primary"
              disabled={!consent.data.may_connect || leaving}
              busy={busy === "approve"}
              busyLabel="Connecting…"
              onClick={() => void answer("approve")}
            >
              Allow
            </Button>
            <Button
              variant="quiet"
              disabled={leaving}
              busy={busy === "deny"}
              busyLabel="Declining…"
              onClick={() => void answer("deny")}
            >
              Deny
            </Button>
          </div>
        </section>
      ) : null}
    </main>
  );
}
