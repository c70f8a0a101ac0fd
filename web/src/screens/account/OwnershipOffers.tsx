import { useState } from "hono/jsx/dom";
import { api, messageOf } from "../../api";
import type { Me, OwnershipTransfer } from "../../api";
import { Name } from "../../components/Name";
import { Alert, Button, Section } from "../../components/ui";
import { formatDateTime } from "../../format";
import { useAction, useResource } from "../../hooks";

/** Offers to become owner of a tenant, waiting for this person; hidden when there are none. */
export function OwnershipOffers(props: { refreshMe: () => Promise<Me> }) {
  const [offers, reload] = useResource(() => api.ownershipOffers().then((r) => r.transfers));
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run } = useAction<string>();

  const answer = (offer: OwnershipTransfer, accept: boolean) =>
    run(`${accept ? "accept" : "decline"}:${offer.id}`, async () => {
      if (accept) await api.acceptOwnership(offer.id);
      else await api.declineOwnership(offer.id);
      setNotice(
        accept
          ? `You are now an owner of ${offer.tenant_name}.`
          : `You declined to own ${offer.tenant_name}.`,
      );
      await reload();
      await props.refreshMe();
    });

  if (offers.state !== "ready" || (offers.data.length === 0 && !notice)) return null;
  return (
    <Section
      id="ownership-offers"
      title="Ownership offers"
      intro="Tenants someone wants you to own."
    >
      <Alert message={notice} tone="info" />
      <Alert message={error ? messageOf(error) : null} />
      <ul class="rows" aria-label="Ownership offers">
        {offers.data.map((o) => (
          <li key={o.id} class="row">
            <div class="row-main">
              <p class="row-title">
                <Name text={o.tenant_name} />
              </p>
              <p class="meta break">
                From {o.from.email} · until {formatDateTime(o.expires_at)}. Accepting makes you
                owner and them admin.
              </p>
            </div>
            <div class="row-actions">
              <Button
                variant="primary"
                label={`Accept ownership of ${o.tenant_name}`}
                busy={busy === `accept:${o.id}`}
                busyLabel="Accepting…"
                onClick={() => void answer(o, true)}
              >
                Accept
              </Button>
              <Button
                variant="quiet"
                label={`Decline ownership of ${o.tenant_name}`}
                busy={busy === `decline:${o.id}`}
                busyLabel="Declining…"
                onClick={() => void answer(o, false)}
              >
                Decline
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </Section>
  );
}
