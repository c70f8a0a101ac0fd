import { useState } from "hono/jsx/dom";
import { messageOf } from "../../api";
import { Alert, Button, Section } from "../../components/ui";
import { fetchJwks } from "../../tenant-api";
import type { Workspace } from "../../workspace";
import type { VerificationSummary } from "../../audit-summary";

type State =
  | { kind: "idle" }
  | { kind: "busy"; what: "verify" | "export"; step: string }
  | { kind: "verified"; summary: VerificationSummary }
  | { kind: "failed"; error: unknown };

/** Verify (in this browser, against the published keys) and export (a JSONL download). */
export function VerifySection(props: { ws: Workspace }) {
  const { ws } = props;
  const [state, setState] = useState<State>({ kind: "idle" });
  const busy = state.kind === "busy" ? state.what : null;

  const verify = async () => {
    setState({ kind: "busy", what: "verify", step: "Downloading the log and the public keys…" });
    try {
      const [jwks, exported, verifier] = await Promise.all([
        fetchJwks(),
        ws.api.auditExport(),
        import("../../audit-verify"),
      ]);
      setState({ kind: "busy", what: "verify", step: "Checking every event…" });
      setState({
        kind: "verified",
        summary: await verifier.verifyExport(exported.bytes, jwks, ws.tenant.id),
      });
    } catch (error) {
      setState({ kind: "failed", error });
    }
  };

  const download = async () => {
    setState({ kind: "busy", what: "export", step: "Preparing the export…" });
    try {
      const { text, filename } = await ws.api.auditExport();
      const url = URL.createObjectURL(new Blob([text], { type: "application/x-ndjson" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = filename ?? `audit-${ws.tenant.id}.jsonl`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 30_000);
      setState({ kind: "idle" });
    } catch (error) {
      setState({ kind: "failed", error });
    }
  };

  return (
    <Section
      id="verify"
      title="Verify and export"
      intro="Verify downloads the whole log and checks every hash, the Merkle root and the signed head here in your browser, with the keys published at /.well-known/jwks.json."
    >
      {state.kind === "busy" ? (
        <p class="loading" role="status">
          <span class="spinner" aria-hidden="true" />
          {state.step}
        </p>
      ) : null}
      {state.kind === "verified" ? (
        <p
          class={state.summary.ok ? "alert alert-success" : "alert alert-error"}
          role={state.summary.ok ? "status" : "alert"}
        >
          {state.summary.text}
        </p>
      ) : null}
      <Alert message={state.kind === "failed" ? messageOf(state.error) : null} />
      <div class="actions">
        <Button
          variant="primary"
          busy={busy === "verify"}
          busyLabel="Verifying…"
          disabled={busy !== null}
          onClick={() => void verify()}
        >
          Verify
        </Button>
        <Button
          busy={busy === "export"}
          busyLabel="Exporting…"
          disabled={busy !== null}
          onClick={() => void download()}
        >
          Export JSONL
        </Button>
      </div>
    </Section>
  );
}
