import type { Child } from "hono/jsx";
import { messageOf } from "../api";
import type { Tone } from "../labels";
import { prettyJson } from "../format";

type Variant = "primary" | "secondary" | "danger" | "quiet";

interface ButtonProps {
  children: Child;
  variant?: Variant;
  type?: "button" | "submit";
  /** While true the button is disabled, marked busy and shows `busyLabel`. */
  busy?: boolean;
  busyLabel?: string;
  disabled?: boolean;
  onClick?: () => void;
  /** An accessible name when the visible text is ambiguous (e.g. "Sign out" in a list). */
  label?: string;
  wide?: boolean;
}

export function Button(props: ButtonProps) {
  const classes = ["btn", `btn-${props.variant ?? "secondary"}`, props.wide ? "btn-wide" : ""];
  return (
    <button
      type={props.type ?? "button"}
      class={classes.filter(Boolean).join(" ")}
      disabled={props.disabled || props.busy}
      aria-busy={props.busy ? "true" : undefined}
      aria-label={props.label}
      onClick={props.onClick}
    >
      {props.busy ? (props.busyLabel ?? "Working…") : props.children}
    </button>
  );
}

/** An error (announced immediately) or a calm notice. */
export function Alert(props: { message: string | null | undefined; tone?: "error" | "info" }) {
  if (!props.message) return null;
  const tone = props.tone ?? "error";
  return (
    <div class={`alert alert-${tone}`} role={tone === "error" ? "alert" : "status"}>
      {props.message}
    </div>
  );
}

export function Loading(props: { label?: string }) {
  return (
    <p class="loading" role="status">
      <span class="spinner" aria-hidden="true" />
      {props.label ?? "Loading…"}
    </p>
  );
}

export function Badge(props: { children: Child; tone?: Tone }) {
  return <span class={`badge badge-${props.tone ?? "neutral"}`}>{props.children}</span>;
}

/** A titled card. */
export function Section(props: { id: string; title: string; intro?: string; children: Child }) {
  return (
    <section class="card" id={props.id} aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.intro ? <p class="muted">{props.intro}</p> : null}
      {props.children}
    </section>
  );
}

/** The heading of a tenant screen, with the tenant it is about above it. */
export function PageHead(props: { id: string; title: string; tenant?: string; children?: Child }) {
  return (
    <header class="page-head">
      {props.tenant ? <p class="eyebrow break">{props.tenant}</p> : null}
      <h1 id={props.id}>{props.title}</h1>
      {props.children}
    </header>
  );
}

/** JSON behind a disclosure (tool arguments, outputs, event data). */
export function JsonDetails(props: { summary: string; value: unknown; open?: boolean }) {
  return (
    <details class="json-details" open={props.open}>
      <summary>{props.summary}</summary>
      <pre class="code-block">{prettyJson(props.value)}</pre>
    </details>
  );
}

/** A screen the current role may not open. */
export function Forbidden(props: { role: string; what: string }) {
  return (
    <main class="screen narrow" aria-labelledby="forbidden-title">
      <h1 id="forbidden-title">Not available to your role</h1>
      <p class="muted">
        As {props.role} in this tenant you cannot {props.what}. Ask an owner or admin if you need
        it.
      </p>
    </main>
  );
}

/** A failed load: the reason and a way to try again. */
export function Retry(props: { error: unknown; onRetry: () => Promise<void> }) {
  return (
    <div class="stack">
      <Alert message={messageOf(props.error)} />
      <Button onClick={() => void props.onRetry()}>Try again</Button>
    </div>
  );
}
