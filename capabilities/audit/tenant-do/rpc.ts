import type { AuditEventFilter } from "./audit-events-query";
import type { AuditEventView, SignedHead } from "./audit-log";
import type { SinkConfig, SinkView } from "./sinks";
import type { TlogHeadView, WitnessView } from "./tlog";
import type { LogKey } from "../../../core/audit/c2sp-log-keys";
import type { Result } from "../../../platform/result";
import type { Actor } from "../../../platform/tenant-types";

/** The slice of the tenant Durable Object's RPC that audit calls; `TenantDO` implements it. */
export interface AuditRpc {
  drainAuditOutbox(): Promise<Result<{ appended: number }>>;
  auditEvents(
    afterSeq: number,
    limit: number,
    filter: AuditEventFilter,
  ): Result<{ events: AuditEventView[]; size: number }>;
  auditHead(): Result<{ size: number; root: string; checkpoint: SignedHead | null }>;
  signHead(): Promise<Result<SignedHead>>;
  inclusionProof(
    seq: number,
    size?: number,
  ): Result<{ seq: number; size: number; leaf_hash: string; proof: string[] }>;
  consistencyProof(
    from: number,
    to?: number,
  ): Result<{ from: number; to: number; proof: string[] }>;
  exportChunk(afterSeq: number, limit: number): Promise<Result<{ lines: string[]; size: number }>>;
  tlogHead(): Promise<Result<TlogHeadView>>;
  tlogPublicHead(): Promise<Result<TlogHeadView>>;
  tlogProofFile(seq: number): Promise<Result<string>>;
  tlogKeys(publicOnly?: boolean): Promise<Result<{ origin: string; keys: LogKey[] }>>;
  tlogPublicTile(level: number, index: number, width: number): Result<Uint8Array<ArrayBuffer>>;
  tlogPublicConsistency(
    from: number,
    to?: number,
  ): Result<{ from: number; to: number; proof: string[] }>;
  tlogSettings(): Promise<
    Result<{ origin: string; public: boolean; witnesses: WitnessView[]; keys: LogKey[] }>
  >;
  tlogSetPublic(
    enabled: boolean,
    actor: Actor,
  ): Promise<Result<{ origin: string; public: boolean; witnesses: WitnessView[]; keys: LogKey[] }>>;
  tlogAddWitness(input: { url: string; vkey: string }, actor: Actor): Promise<Result<WitnessView>>;
  tlogRemoveWitness(witnessId: string, actor: Actor): Promise<Result<null>>;
  tlogRotateKey(
    actor: Actor,
  ): Promise<Result<{ generation: number; vkey: string; keys: LogKey[] }>>;
  listSinks(): Result<SinkView[]>;
  addSink(config: SinkConfig, fromSeq: number, actor: Actor): Promise<Result<SinkView>>;
  testSink(sinkId: string): Promise<Result<{ delivered: boolean; sink: SinkView }>>;
  removeSink(sinkId: string, actor: Actor): Promise<Result<null>>;
}
