import { useState } from "hono/jsx/dom";
import { PageHead } from "../../components/ui";
import type { Workspace } from "../../workspace";
import { KeysSection } from "./KeysSection";
import { ProvidersSection } from "./ProvidersSection";
import { SecretRequestsSection } from "./SecretRequestsSection";
import { SecretsSection } from "./SecretsSection";

/** The tenant's secrets (names and `***last4` only), agents' requests for them, and the keys. */
export function Vault(props: { ws: Workspace }) {
  const { ws } = props;
  // Bumped whenever a secret changes, so the list and the key counts reload together.
  const [revision, setRevision] = useState(0);
  const changed = () => setRevision((r) => r + 1);
  return (
    <main class="screen" aria-labelledby="vault-title">
      <PageHead id="vault-title" title="Vault" tenant={ws.tenant.name}>
        <p class="muted">
          Secrets are encrypted in the tenant's vault. Values are write-only: nobody can read them
          back here, and the AI only ever sees references like <code>secret:NAME</code>.
        </p>
      </PageHead>
      <SecretRequestsSection ws={ws} onSaved={changed} />
      <SecretsSection ws={ws} revision={revision} onChanged={changed} />
      {ws.can("providers.read") ? <ProvidersSection ws={ws} onChanged={changed} /> : null}
      {ws.can("keys.read") ? <KeysSection ws={ws} revision={revision} /> : null}
    </main>
  );
}
