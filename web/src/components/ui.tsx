import type { Child } from "hono/jsx";
import { messageOf } from "../api";

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

export function Badge(props: { children: Child; tone?: "accent" | "neutral" }) {
  return <span class={`badge badge-${props.tone ?? "neutral"}`}>{props.children}</span>;
}

/** A titled card on the account page. */
export function Section(props: { id: string; title: string; intro?: string; children: Child }) {
  return (
    <section class="card" aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.intro ? <p class="muted">{props.intro}</p> : null}
      {props.children}
    </section>
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
