import { ApiError, messageOf } from "../api";
import { Link } from "../router";
import { Button } from "./ui";

/** What kind of failure a load met, and so what the person can do about it. */
export type FailureKind = "offline" | "not-found" | "expired" | "forbidden" | "unusable" | "other";

export function failureKind(error: unknown): FailureKind {
  if (!(error instanceof ApiError)) return "other";
  if (error.status === 0) return "offline";
  if (error.status === 410 || /expired/i.test(error.code)) return "expired";
  if (error.status === 403) return "forbidden";
  if (error.status === 404) return "not-found";
  // A well-formed request the server refuses for what it names (a bad id, a used link).
  if (error.status === 400) return error.code === "invalid_request" ? "not-found" : "unusable";
  return "other";
}

/**
 * A failed load with a way forward: "not found" and "expired" lead back instead of offering a
 * pointless retry; only offline and unexpected failures get "Try again".
 */
export function LoadFailure(props: {
  error: unknown;
  /** "run", "conversation", "invitation": named in the title. */
  what: string;
  back: { href: string; label: string };
  onRetry: () => Promise<void>;
}) {
  const kind = failureKind(props.error);
  const titles: Record<FailureKind, string> = {
    offline: "You seem to be offline",
    "not-found": `No such ${props.what}`,
    expired: `This ${props.what} has expired`,
    forbidden: `This ${props.what} is not open to you`,
    unusable: `This ${props.what} cannot be used`,
    other: `The ${props.what} could not be loaded`,
  };
  const detail: Record<FailureKind, string> = {
    offline: "Gatehouse could not be reached. Check your connection, then try again.",
    "not-found": `The address may be mistyped, or the ${props.what} was deleted or is in another tenant.`,
    expired: messageOf(props.error),
    forbidden: messageOf(props.error),
    unusable: messageOf(props.error),
    other: messageOf(props.error),
  };
  const retry = kind === "offline" || kind === "other";
  return (
    <div class="card empty-state stack" role="alert">
      <p class="empty-title">{titles[kind]}</p>
      <p class="muted break">{detail[kind]}</p>
      <div class="actions">
        {retry ? <Button onClick={() => void props.onRetry()}>Try again</Button> : null}
        <Link href={props.back.href} class={retry ? "btn btn-quiet" : "btn btn-primary"}>
          {props.back.label}
        </Link>
      </div>
    </div>
  );
}
