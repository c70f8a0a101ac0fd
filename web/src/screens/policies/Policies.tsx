import { useState } from "hono/jsx/dom";
import { Alert, Badge, Button, Loading, PageHead, Retry, Section } from "../../components/ui";
import { takeFlash } from "../../flash";
import { authorLabel, relativeTime } from "../../format";
import { useResource } from "../../hooks";
import { Link, navigate } from "../../router";
import type { PolicyVersion } from "../../tenant-api";
import type { Workspace } from "../../workspace";
import { ActivateButton } from "./ActivateButton";
import { BundleId } from "./BundleId";
import { activeVersion, loadPolicyListing } from "./policy-data";

/** The tenant layer's versions: which is active, who wrote each, and ways to edit and compare. */
export function Policies(props: { ws: Workspace }) {
  const { ws } = props;
  const [listing, reload] = useResource(() => loadPolicyListing(ws.api));
  const [notice, setNotice] = useState<string | null>(takeFlash);

  const activated = async (message: string) => {
    setNotice(message);
    await reload();
  };

  return (
    <main class="screen" aria-labelledby="policies-title">
      <PageHead id="policies-title" title="Policies" tenant={ws.tenant.name}>
        <p class="muted">
          The tenant layer of the policy. The platform layer always applies on top and cannot be
          changed here.
        </p>
      </PageHead>
      <Alert message={notice} tone="info" />
      {ws.can("policies.write") ? (
        <div class="actions">
          <Link href={ws.href("policy-new", {})} class="btn btn-primary">
            New version
          </Link>
        </div>
      ) : null}
      {listing.state === "loading" ? <Loading label="Loading policies…" /> : null}
      {listing.state === "error" ? <Retry error={listing.error} onRetry={reload} /> : null}
      {listing.state === "ready" ? (
        <>
          <Section id="versions" title="Versions" intro="Newest first.">
            <ul class="rows" aria-label="Policy versions">
              {listing.data.versions.map((v) => (
                <VersionRow
                  key={v.version}
                  ws={ws}
                  version={v}
                  active={activeVersion(listing.data.versions)}
                  author={authorLabel(v.author, listing.data.emails)}
                  onActivated={activated}
                />
              ))}
            </ul>
          </Section>
          {listing.data.versions.length > 1 ? (
            <CompareForm ws={ws} versions={listing.data.versions} />
          ) : null}
        </>
      ) : null}
    </main>
  );
}

function VersionRow(props: {
  ws: Workspace;
  version: PolicyVersion;
  active: number | null;
  author: string;
  onActivated: (message: string) => Promise<void>;
}) {
  const v = props.version;
  return (
    <li class="row" data-version={v.version}>
      <div class="row-main">
        <p class="row-title">
          Version {v.version}
          {v.active ? <Badge tone="success">Active</Badge> : null}
        </p>
        <BundleId value={v.bundle_id} />
        <p class="meta">
          By <span class="break">{props.author}</span> · {relativeTime(v.created_at)}
        </p>
      </div>
      <div class="row-actions">
        <Link href={props.ws.href("policy", { version: String(v.version) })} class="btn btn-quiet">
          <span class="visually-hidden">View version {v.version}</span>
          <span aria-hidden="true">View</span>
        </Link>
        {!v.active && props.ws.can("policies.activate") ? (
          <ActivateButton
            ws={props.ws}
            version={v.version}
            active={props.active}
            onActivated={props.onActivated}
          />
        ) : null}
      </div>
    </li>
  );
}

function CompareForm(props: { ws: Workspace; versions: PolicyVersion[] }) {
  const { ws } = props;
  const newest = props.versions[0]!.version;
  const active = activeVersion(props.versions);
  const [from, setFrom] = useState(
    active !== null && active !== newest ? active : props.versions[1]!.version,
  );
  const [to, setTo] = useState(newest);
  const options = (selected: number) =>
    props.versions.map((v) => (
      <option key={v.version} value={String(v.version)} selected={v.version === selected}>
        Version {v.version}
        {v.active ? " (active)" : ""}
      </option>
    ));
  return (
    <Section id="compare" title="Compare versions" intro="See what changed, line by line.">
      <form
        class="stack compare-form"
        onSubmit={(e: Event) => {
          e.preventDefault();
          navigate(ws.href("policy-diff", { from: String(from), to: String(to) }));
        }}
      >
        <div class="field-pair">
          <div class="field">
            <label for="compare-from">From</label>
            <select
              id="compare-from"
              value={String(from)}
              onChange={(e: Event) => setFrom(Number((e.target as HTMLSelectElement).value))}
            >
              {options(from)}
            </select>
          </div>
          <div class="field">
            <label for="compare-to">To</label>
            <select
              id="compare-to"
              value={String(to)}
              onChange={(e: Event) => setTo(Number((e.target as HTMLSelectElement).value))}
            >
              {options(to)}
            </select>
          </div>
        </div>
        <Button type="submit">Compare</Button>
      </form>
    </Section>
  );
}
