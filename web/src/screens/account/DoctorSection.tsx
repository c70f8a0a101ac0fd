import { api } from "../../api";
import { Badge, Loading, Retry, Section } from "../../components/ui";
import { useResource } from "../../hooks";
import type { Tone } from "../../labels";

const TONES: Readonly<Record<string, Tone>> = { ok: "success", warn: "warning", error: "danger" };
const LABELS: Readonly<Record<string, string>> = { ok: "OK", warn: "Warning", error: "Problem" };

/** The server's own check of risky or missing settings (names only, never values). */
export function DoctorSection() {
  const [report, reload] = useResource(() => api.doctor());
  return (
    <Section id="doctor" title="Security doctor" intro="How this Gatehouse server is configured.">
      {report.state === "loading" ? <Loading label="Running checks…" /> : null}
      {report.state === "error" ? <Retry error={report.error} onRetry={reload} /> : null}
      {report.state === "ready" ? (
        <ul class="rows" aria-label="Server checks">
          {report.data.checks.map((c) => (
            <li key={c.id} class="row">
              <div class="row-main">
                <p class="row-title">
                  <code>{c.id}</code>
                  <Badge tone={TONES[c.status] ?? "neutral"}>{LABELS[c.status] ?? c.status}</Badge>
                </p>
                <p class="meta break">{c.message}</p>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}
