import { useState } from "hono/jsx/dom";
import { CodeView } from "../../components/CodeView";
import { LoadFailure } from "../../components/LoadFailure";
import { Alert, Badge, Loading, PageHead } from "../../components/ui";
import { takeFlash } from "../../flash";
import { authorLabel, formatDateTime } from "../../format";
import { useResource } from "../../hooks";
import { Link } from "../../router";
import type { Workspace } from "../../workspace";
import { ActivateButton } from "./ActivateButton";
import { activeVersion, loadPolicyListing } from "./policy-data";

/** One version: its full bundle id, who wrote it, its source, and what to do with it. */
export function PolicyVersionScreen(props: { ws: Workspace; version: number }) {
  const { ws } = props;
  const [data, reload] = useResource(async () => {
    const [listing, { policy }] = await Promise.all([
      loadPolicyListing(ws.api),
      ws.api.policy(props.version),
    ]);
    return { listing, policy };
  });
  const [notice, setNotice] = useState<string | null>(takeFlash);

  const activated = async (message: string) => {
    setNotice(message);
    await reload();
  };

  return (
    <main class="screen" aria-labelledby="policy-title">
      <p class="back">
        <Link href={ws.href("policies", {})} class="btn btn-quiet">
          ← All versions
        </Link>
      </p>
      <PageHead
        id="policy-title"
        title={`Policy version ${props.version}`}
        tenant={ws.tenant.name}
      />
      <Alert message={notice} tone="info" />
      {data.state === "loading" ? <Loading label="Loading the policy…" /> : null}
      {data.state === "error" ? (
        <LoadFailure
          error={data.error}
          what="policy version"
          back={{ href: ws.href("policies", {}), label: "All versions" }}
          onRetry={reload}
        />
      ) : null}
      {data.state === "ready"
        ? (() => {
            const { policy, listing } = data.data;
            const active = activeVersion(listing.versions);
            return (
              <>
                <section class="card" aria-label="About this version">
                  <p class="row-title">
                    {policy.active ? <Badge tone="success">Active</Badge> : <Badge>Inactive</Badge>}
                  </p>
                  <dl class="facts">
                    <div>
                      <dt>Bundle id</dt>
                      <dd class="mono break">{policy.bundle_id}</dd>
                    </div>
                    <div>
                      <dt>Author</dt>
                      <dd class="break">{authorLabel(policy.author, listing.emails)}</dd>
                    </div>
                    <div>
                      <dt>Saved</dt>
                      <dd>{formatDateTime(policy.created_at)}</dd>
                    </div>
                    {policy.activated_at ? (
                      <div>
                        <dt>Last activated</dt>
                        <dd>{formatDateTime(policy.activated_at)}</dd>
                      </div>
                    ) : null}
                  </dl>
                  <div class="actions">
                    {!policy.active && ws.can("policies.activate") ? (
                      <ActivateButton
                        ws={ws}
                        version={policy.version}
                        active={active}
                        onActivated={activated}
                      />
                    ) : null}
                    {ws.can("policies.write") ? (
                      <Link
                        href={ws.href("policy-edit", { version: String(policy.version) })}
                        class="btn btn-secondary"
                      >
                        Edit as a new version
                      </Link>
                    ) : null}
                    {active !== null && active !== policy.version ? (
                      <Link
                        href={ws.href("policy-diff", {
                          from: String(active),
                          to: String(policy.version),
                        })}
                        class="btn btn-secondary"
                      >
                        Compare with active
                      </Link>
                    ) : null}
                  </div>
                </section>
                <section class="card" aria-labelledby="source-title">
                  <h2 id="source-title">Source</h2>
                  <CodeView source={policy.source} label={`Source of version ${policy.version}`} />
                </section>
              </>
            );
          })()
        : null}
    </main>
  );
}
