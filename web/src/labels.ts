import type { Role } from "../../core/permissions";
import type { RunStatus, StepStatus, Verdict } from "./tenant-api";

export type Tone = "accent" | "neutral" | "success" | "warning" | "danger" | "info";

export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  allow: "Allow",
  deny: "Deny",
  dry_run: "Dry run",
  approve_required: "Needs approval",
  transform: "Transform",
};

export const VERDICT_TONES: Readonly<Record<Verdict, Tone>> = {
  allow: "success",
  deny: "danger",
  dry_run: "info",
  approve_required: "warning",
  transform: "accent",
};

export const STEP_STATUS_LABELS: Readonly<Record<StepStatus, string>> = {
  executing: "Executing",
  awaiting_approval: "Awaiting approval",
  dry_run: "Dry run only",
  denied: "Denied",
  succeeded: "Succeeded",
  failed: "Failed",
  cancelled: "Cancelled",
};

export const STEP_STATUS_TONES: Readonly<Record<StepStatus, Tone>> = {
  executing: "info",
  awaiting_approval: "warning",
  dry_run: "neutral",
  denied: "danger",
  succeeded: "success",
  failed: "danger",
  cancelled: "neutral",
};

export const RUN_STATUS_LABELS: Readonly<Record<RunStatus, string>> = {
  open: "Open",
  completed: "Completed",
  cancelled: "Cancelled",
};

export const RUN_STATUS_TONES: Readonly<Record<RunStatus, Tone>> = {
  open: "info",
  completed: "success",
  cancelled: "neutral",
};

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  owner: "Owner",
  admin: "Admin",
  operator: "Operator",
  viewer: "Viewer",
  auditor: "Auditor",
};

/** Unknown values (a newer server) fall back to the raw value and a neutral tone. */
export function labelOf<K extends string>(labels: Readonly<Record<K, string>>, value: string) {
  return (labels as Record<string, string>)[value] ?? value;
}

export function toneOf<K extends string>(tones: Readonly<Record<K, Tone>>, value: string): Tone {
  return (tones as Record<string, Tone>)[value] ?? "neutral";
}
