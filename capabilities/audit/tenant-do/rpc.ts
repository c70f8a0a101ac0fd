import type { AuditEventFilter } from "./audit-events-query";
import type { AuditEventView, SignedHead } from "./audit-log";
import type { SinkConfig, SinkView } from "./sinks";
import type { TlogHeadView, WitnessView } from "./tlog";
import type { LogKey } from "../../../core/audit/c2sp-log-keys";
import type { Result } from "../../../platform/result";
import type { Actor } from "../../../platform/tenant-types";

/** The slice of the tenant Durable Object's RPC that audit calls; `TenantDO` implements it. */
export interface AuditRpc {
  drainAuditOutbox(tenantId: string): Promise<Result<{ appended: number }>>;
  auditEvents(
    tenantId: string,
    afterSeq: number,
    limit: number,
    filter: AuditEventFilter,
  ): Result<{ events: AuditEventView[]; size: number }>;
  auditHead(
    tenantId: string,
  ): Result<{ size: number; root: string; checkpoint: SignedHead | null }>;
  signHead(tenantId: string): Promise<Result<SignedHead>>;
  inclusionProof(
    tenantId: string,
    seq: number,
    size?: number,
  ): Result<{ seq: number; size: number; leaf_hash: string; proof: string[] }>;
  consistencyProof(
    tenantId: string,
    from: number,
    to?: number,
  ): Result<{ from: number; to: number; proof: string[] }>;
  exportChunk(
    tenantId: string,
    afterSeq: number,
    limit: number,
  ): Promise<Result<{ lines: string[]; size: number }>>;
  tlogHead(tenantId: string): Promise<Result<TlogHeadView>>;
  tlogPublicHead(tenantId: string): Promise<Result<TlogHeadView>>;
  tlogProofFile(tenantId: string, seq: number): Promise<Result<string>>;
  tlogKeys(
    tenantId: string,
    publicOnly?: boolean,
  ): Promise<Result<{ origin: string; keys: LogKey[] }>>;
  tlogPublicTile(
    tenantId: string,
    level: number,
    index: number,
    width: number,
  ): Result<Uint8Array<ArrayBuffer>>;
  tlogPublicConsistency(
    tenantId: string,
    from: number,
    to?: number,
  ): Result<{ from: number; to: number; proof: string[] }>;
  tlogSettings(
    tenantId: string,
  ): Promise<Result<{ origin: string; public: boolean; witnesses: WitnessView[]; keys: LogKey[] }>>;
  tlogSetPublic(
    tenantId: string,
    enabled: boolean,
    actor: Actor,
  ): Promise<Result<{ origin: string; public: boolean; witnesses: WitnessView[]; keys: LogKey[] }>>;
  tlogAddWitness(
    tenantId: string,
    input: { url: string; vkey: string },
    actor: Actor,
  ): Promise<Result<WitnessView>>;
  tlogRemoveWitness(tenantId: string, witnessId: string, actor: Actor): Promise<Result<null>>;
  tlogRotateKey(
    tenantId: string,
    actor: Actor,
  ): Promise<Result<{ generation: number; vkey: string; keys: LogKey[] }>>;
  listSinks(tenantId: string): Result<SinkView[]>;
  addSink(
    tenantId: string,
    config: SinkConfig,
    fromSeq: number,
    actor: Actor,
  ): Promise<Result<SinkView>>;
  testSink(
    tenantId: string,
    sinkId: string,
  ): Promise<Result<{ delivered: boolean; sink: SinkView }>>;
  removeSink(tenantId: string, sinkId: string, actor: Actor): Promise<Result<null>>;
}
