import type { ToolSpec } from "../../../../core/providers/types";
import type { DeclaredMetadata } from "../../../../core/policy";
import type { VaultSession } from "../../../vault/resolve";
import type { GuardOpinion } from "../../../../core/untrusted";
import type { D1Port, FetchPort, MailerPort } from "../../../../platform/ports";
import type { JsonValue } from "../../../../platform/tenant-types";

/** A further opinion on fetched content from a guard model, or null when none is configured. */
export type InjectionGuardPort = (text: string) => Promise<GuardOpinion | null>;

/** What the built-in tools reach outside the object through. */
export interface ToolPorts {
  db: D1Port;
  mailer: MailerPort;
  fetch: FetchPort;
  guard: InjectionGuardPort;
}

export interface ToolContext {
  ports: ToolPorts;
  tenantId: string;
  sessionId: string;
  sql: SqlStorage;
  /** Resolves `secret:NAME` for this execution only and masks known values in output. */
  vault: VaultSession;
  now: number;
}

export interface ToolOutcome {
  /** What the model is given (masked; untrusted content wrapped). */
  content: string;
  isError: boolean;
  /** Kept as the step's output (masked, no secrets). */
  record: JsonValue;
  /** Injection findings and other notes for the session's event stream. */
  warnings: string[];
  /** Injection score (0..1) of the untrusted content in `content`, when there is any. */
  injectionScore?: number;
}

export interface BuiltinTool {
  spec: ToolSpec;
  declared(args: Record<string, unknown>): DeclaredMetadata;
  /** Whether running it again after an interruption is harmless (no external side effect). */
  safeToRepeat(args: Record<string, unknown>): boolean;
  execute(ctx: ToolContext, args: Record<string, unknown>): Promise<ToolOutcome>;
}

export const toolError = (message: string): ToolOutcome => ({
  content: message,
  isError: true,
  record: { error: message },
  warnings: [],
});
