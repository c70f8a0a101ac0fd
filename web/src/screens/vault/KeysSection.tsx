import { useEffect, useState } from "hono/jsx/dom";
import { ConfirmPanel } from "../../components/Confirm";
import { Alert, Badge, Button, Loading, Retry, Section } from "../../components/ui";
import { formatDateTime } from "../../format";
import { useAction, useResource } from "../../hooks";
import type { Workspace } from "../../workspace";

/** A rotation re-encrypts in batches; the console keeps asking until it is done. */
const MAX_ROTATION_CALLS = 50;

type Confirming = "rotate" | "rewrap" | null;

/** Data-encryption key versions, rotation (step-up) and rewrap under the active KEK. */
export function KeysSection(props: { ws: Workspace; revision: number }) {
  const { ws } = props;
  const [keys, reload] = useResource(() => ws.api.keys());
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction<"rotate" | "rewrap">();

  useEffect(() => {
    if (props.revision > 0) void reload();
  }, [props.revision]);

  const rotate = async () => {
    await run("rotate", async () => {
      let progress = await ws.api.rotateDek();
      let reencrypted = progress.reencrypted;
      for (let i = 1; progress.status === "in_progress" && i < MAX_ROTATION_CALLS; i++) {
        progress = await ws.api.rotateDek();
        reencrypted += progress.reencrypted;
      }
      setConfirming(null);
      setNotice(
        progress.status === "complete"
          ? `Data key rotated to version ${progress.active_version}; ${reencrypted} ${reencrypted === 1 ? "secret" : "secrets"} re-encrypted.`
          : `Rotation to version ${progress.active_version} is still running (${progress.remaining} left). Rotate again to continue.`,
      );
      await reload();
    });
  };

  const rewrap = async () => {
    await run("rewrap", async () => {
      const result = await ws.api.rewrapDeks();
      setConfirming(null);
      setNotice(
        `Rewrapped ${result.rewrapped} ${result.rewrapped === 1 ? "key" : "keys"} under ${result.active_kek}` +
          (result.remaining > 0 ? `; ${result.remaining} left.` : "."),
      );
      await reload();
    });
  };

  const cancel = () => {
    setConfirming(null);
    setError(null);
  };

  return (
    <Section
      id="keys"
      title="Encryption keys"
      intro="Each secret is encrypted with the tenant's data key, which is itself wrapped by the server's key-encryption key."
    >
      {keys.state === "loading" ? <Loading label="Loading key status…" /> : null}
      {keys.state === "error" ? <Retry error={keys.error} onRetry={reload} /> : null}
      {keys.state === "ready" ? (
        <>
          <dl class="facts">
            <div>
              <dt>Active data key</dt>
              <dd>
                {keys.data.active_dek_version === null
                  ? "none yet (created with the first secret)"
                  : `version ${keys.data.active_dek_version}`}
              </dd>
            </div>
            <div>
              <dt>Key-encryption key</dt>
              <dd class="mono">{keys.data.active_kek}</dd>
            </div>
            <div>
              <dt>Rotation</dt>
              <dd>
                {keys.data.rotation.in_progress
                  ? `in progress, ${keys.data.rotation.remaining} left`
                  : "nothing pending"}
              </dd>
            </div>
            {keys.data.rewrap.needed > 0 ? (
              <div>
                <dt>Rewrap</dt>
                <dd>{keys.data.rewrap.needed} key(s) still under an older key-encryption key</dd>
              </div>
            ) : null}
          </dl>
          {keys.data.deks.length > 0 ? (
            <ul class="rows" aria-label="Data key versions">
              {keys.data.deks.map((d) => (
                <li key={d.version} class="row">
                  <div class="row-main">
                    <p class="row-title">
                      Data key v{d.version}
                      <Badge tone={d.state === "active" ? "success" : "neutral"}>{d.state}</Badge>
                    </p>
                    <p class="meta">
                      {d.secrets} {d.secrets === 1 ? "secret" : "secrets"} · created{" "}
                      {formatDateTime(d.created_at)}
                      {d.kek_id ? ` · wrapped by ${d.kek_id}` : ""}
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          ) : null}
          <Alert message={notice} tone="info" />
          {confirming === "rotate" ? (
            <ConfirmPanel
              confirmLabel="Rotate now"
              busyLabel="Rotating…"
              busy={busy === "rotate"}
              error={error}
              email={ws.me.user.email}
              stepUp={{
                operation: "keys.rotate_dek",
                validUntil: ws.me.session.step_up_valid_until,
              }}
              onConfirm={rotate}
              onCancel={cancel}
            >
              <p>
                A new data key is created and every secret is re-encrypted with it. Secrets stay
                usable throughout.
              </p>
            </ConfirmPanel>
          ) : null}
          {confirming === "rewrap" ? (
            <ConfirmPanel
              confirmLabel="Rewrap now"
              busyLabel="Rewrapping…"
              busy={busy === "rewrap"}
              error={error}
              email={ws.me.user.email}
              stepUp={{ operation: "keys.rewrap", validUntil: ws.me.session.step_up_valid_until }}
              onConfirm={rewrap}
              onCancel={cancel}
            >
              <p>The data keys are re-wrapped under the active key-encryption key.</p>
            </ConfirmPanel>
          ) : null}
          {confirming === null ? (
            <div class="actions">
              {ws.can("keys.rotate_dek") && keys.data.active_dek_version !== null ? (
                <Button
                  onClick={() => {
                    setNotice(null);
                    setConfirming("rotate");
                  }}
                >
                  {keys.data.rotation.in_progress ? "Resume rotation" : "Rotate data key"}
                </Button>
              ) : null}
              {ws.can("keys.rewrap") && keys.data.rewrap.needed > 0 ? (
                <Button
                  onClick={() => {
                    setNotice(null);
                    setConfirming("rewrap");
                  }}
                >
                  Rewrap keys
                </Button>
              ) : null}
            </div>
          ) : null}
        </>
      ) : null}
    </Section>
  );
}
