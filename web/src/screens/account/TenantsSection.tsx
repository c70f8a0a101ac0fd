import { useState } from "hono/jsx/dom";
import { Name } from "../../components/Name";
import { api, ApiError, messageOf } from "../../api";
import type { Me } from "../../api";
import { Alert, Badge, Button, Section } from "../../components/ui";
import { flash, takeFlash } from "../../flash";
import { useAction } from "../../hooks";
import { ROLE_LABELS } from "../../labels";
import type { TenantScope } from "../../tenancy";

/** The person's tenants: which one the console works in, switching, and creating another. */
export function TenantsSection(props: {
  tenant: TenantScope | null;
  tenants: readonly TenantScope[];
  onSwitch: (tenantId: string) => void;
  refreshMe: () => Promise<Me>;
}) {
  const [name, setName] = useState("");
  // Switching tenants redraws the screen, so the confirmation travels as a flash notice.
  const [notice] = useState<string | null>(takeFlash);
  const { busy, error, run } = useAction<"create">();

  const create = async (event: Event) => {
    event.preventDefault();
    await run("create", async () => {
      const { tenant } = await api.createTenant(name.trim());
      await props.refreshMe();
      setName("");
      flash(`Created ${tenant.name}. You are its owner, and the console now works in it.`);
      props.onSwitch(tenant.id);
    });
  };

  const nameIssue = error instanceof ApiError ? error.issueFor("name") : undefined;
  return (
    <Section
      id="tenants"
      title="Tenants"
      intro="The workspaces you belong to and your role in each."
    >
      {props.tenants.length > 0 ? (
        <ul class="rows" aria-label="Your tenants">
          {props.tenants.map((t) => (
            <li key={t.id} class="row">
              <div class="row-main">
                <p class="row-title">
                  <Name text={t.name} />
                  {t.id === props.tenant?.id ? <Badge tone="accent">Current</Badge> : null}
                </p>
                <p class="meta">{ROLE_LABELS[t.role]}</p>
              </div>
              {t.id === props.tenant?.id ? null : (
                <div class="row-actions">
                  <Button
                    variant="quiet"
                    label={`Switch to ${t.name}`}
                    onClick={() => {
                      flash(`The console now works in ${t.name}.`);
                      props.onSwitch(t.id);
                    }}
                  >
                    Switch
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">You are not in any tenant.</p>
      )}
      <Alert message={notice} tone="info" />
      <form class="stack" onSubmit={create} noValidate>
        <div class="field">
          <label for="tenant-name">New tenant name</label>
          <input
            id="tenant-name"
            type="text"
            maxlength={64}
            autocomplete="off"
            value={name}
            aria-invalid={nameIssue ? "true" : undefined}
            aria-describedby={nameIssue ? "tenant-name-issue" : undefined}
            onInput={(e: Event) => setName((e.target as HTMLInputElement).value)}
          />
          {nameIssue ? (
            <p id="tenant-name-issue" class="field-issue" role="alert">
              {nameIssue}
            </p>
          ) : null}
        </div>
        <Alert message={error && !nameIssue ? messageOf(error) : null} />
        <Button type="submit" busy={busy === "create"} busyLabel="Creating…">
          Create tenant
        </Button>
      </form>
    </Section>
  );
}
