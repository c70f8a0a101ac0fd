import { useState } from "hono/jsx/dom";
import { api, ApiError, messageOf } from "../../api";
import { needsStepUp } from "../../components/Confirm";
import { StepUp } from "../../components/StepUp";
import { Alert, Button, Section } from "../../components/ui";
import { navigate } from "../../router";
import { href } from "../../routes";

/**
 * Deleting the account: says what goes, asks to type the address, then step-up. While the
 * person is the only owner of a tenant with other members the server refuses and names the
 * tenants; each gets a way there (its Members screen) to make someone else owner first.
 */
export function DeleteAccountSection(props: {
  email: string;
  onDeleted: (notice: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      const done = await api.deleteAccount();
      const gone = done.deleted_tenants.map((t) => t.name).join(", ");
      props.onDeleted(
        `Your account was deleted${gone ? ` with ${gone}` : ""}. A confirmation is on its way to ${props.email}.`,
      );
      return;
    } catch (e) {
      setError(e);
    }
    setBusy(false);
  };

  const blocked = error instanceof ApiError && error.code === "sole_owner" ? error.issues : [];
  const matches = typed.trim().toLowerCase() === props.email.toLowerCase();
  return (
    <Section id="delete-account" title="Delete account">
      {!open ? (
        <Button variant="danger" onClick={() => setOpen(true)}>
          Delete account…
        </Button>
      ) : (
        <div class="stack inline-panel">
          <p>
            Deleting your account signs out every session and deletes your passkeys, your API tokens
            and your sign-in history. Tenants where you are the only member are deleted with all
            their data. You leave every other tenant. This cannot be undone.
          </p>
          <div class="field">
            <label for="delete-confirm">Type your email address to confirm</label>
            <input
              id="delete-confirm"
              type="email"
              autocomplete="off"
              autocapitalize="none"
              spellcheck={false}
              value={typed}
              onInput={(e) => setTyped((e.target as HTMLInputElement).value)}
            />
          </div>
          {needsStepUp(error) ? (
            <StepUp email={props.email} onConfirmed={remove} />
          ) : (
            <Alert message={error ? messageOf(error) : null} />
          )}
          {blocked.length > 0 ? (
            <ul class="rows" aria-label="Tenants that need another owner">
              {blocked.map((issue) => (
                <li key={issue.path} class="row">
                  <div class="row-main">
                    <p class="row-title">{issue.message}</p>
                  </div>
                  <div class="row-actions">
                    <Button
                      onClick={() => {
                        const tenant = issue.path.replace(/^tenants\./, "");
                        navigate(href("members", { tenant }));
                      }}
                    >
                      Open its members
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          ) : null}
          <div class="actions">
            {needsStepUp(error) ? null : (
              <Button
                variant="danger"
                busy={busy}
                busyLabel="Deleting…"
                disabled={!matches}
                onClick={() => void remove()}
              >
                Delete my account
              </Button>
            )}
            <Button
              variant="quiet"
              onClick={() => {
                setOpen(false);
                setError(null);
                setTyped("");
              }}
            >
              Cancel
            </Button>
          </div>
        </div>
      )}
    </Section>
  );
}
