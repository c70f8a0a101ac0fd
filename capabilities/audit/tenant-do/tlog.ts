import { formatCheckpointText } from "../../../core/audit/c2sp-checkpoint";
import { cosignatureVerifier } from "../../../core/audit/c2sp-cosignature";
import { deriveLogKeySeed, type LogKey } from "../../../core/audit/c2sp-log-keys";
import {
  ed25519NoteSigner,
  parseNote,
  parseVerifierKey,
  signNote,
  verifyNote,
  type NoteSigner,
} from "../../../core/audit/c2sp-note";
import { formatTlogProof } from "../../../core/audit/c2sp-proof";
import { formatAddCheckpoint } from "../../../core/audit/c2sp-witness";
import { canonicalTextOfLine } from "../../../core/audit/export-format";
import { fromBase64Url, fromHex, utf8 } from "../../../core/encoding";
import type { AuditLog } from "./audit-log";
import type { FetchPort, TenantSettings } from "../../../platform/ports";
import { fail, ok, type Result } from "../../../platform/result";

/** How long the log waits for one witness before moving on. */
const WITNESS_TIMEOUT_MS = 5_000;

export interface TlogHeadView {
  size: number;
  /** The signed note with the log's signature and every stored witness cosignature. */
  note: string;
  generation: number;
}

export type WitnessView = {
  id: string;
  url: string;
  vkey: string;
  last_size: number;
  last_ok_at: number | null;
  last_error: string | null;
};

/**
 * The tenant's audit log as a C2SP transparency log: signed heads as C2SP checkpoint notes under a key of
 * the tenant's own (HKDF from the operator's master secret, the tenant id and a generation),
 * the key history with the tree sizes each key may sign, witnesses and their cosignatures.
 * It reads the same tree (tiles) as the JWS signed heads.
 */
export class TransparencyLog {
  private signer: { generation: number; signer: Promise<NoteSigner> } | null = null;

  constructor(
    private readonly sql: SqlStorage,
    private readonly audit: AuditLog,
    private readonly tenantId: () => string,
    private readonly ports: {
      fetch: FetchPort;
      settings: Pick<TenantSettings, "publicOrigin" | "signingKey">;
    },
  ) {}

  /** `<public host>/audit/<tenant>`: the origin line and the log key's name. */
  origin(): string {
    let host = "gatehouse.invalid";
    try {
      host = new URL(this.ports.settings.publicOrigin).host;
    } catch {
      // No usable ORIGINS: doctor reports it; keep a stable, obviously-local name.
    }
    return `${host}/audit/${this.tenantId()}`;
  }

  get canSign(): boolean {
    return this.master() !== null;
  }

  private master(): Uint8Array | null {
    const key = this.ports.settings.signingKey;
    if (!key) return null;
    try {
      const { d } = JSON.parse(key) as { d?: string };
      return d ? fromBase64Url(d) : null;
    } catch {
      return null;
    }
  }

  private currentKeyRow(): { generation: number; vkey: string; from_size: number } | null {
    return (
      this.sql
        .exec<{ generation: number; vkey: string; from_size: number }>(
          `SELECT generation, vkey, from_size FROM tlog_keys WHERE to_size IS NULL`,
        )
        .toArray()[0] ?? null
    );
  }

  private signerFor(generation: number): Promise<NoteSigner> {
    if (this.signer?.generation !== generation) {
      const master = this.master();
      if (!master) throw new Error("SIGNING_KEY is not configured");
      const name = this.origin();
      this.signer = {
        generation,
        signer: deriveLogKeySeed(master, this.tenantId(), generation).then((seed) =>
          ed25519NoteSigner(name, seed),
        ),
      };
    }
    return this.signer.signer;
  }

  /**
   * The current key, created on first use. If the master secret or the origin changed, the
   * derived key no longer matches the stored one: the old one is retired at the last size it
   * signed and a new generation starts, so history stays verifiable.
   */
  private async currentKey(now: number): Promise<{ generation: number; signer: NoteSigner }> {
    const row = this.currentKeyRow();
    if (row) {
      const signer = await this.signerFor(row.generation);
      if (signer.vkey === row.vkey) return { generation: row.generation, signer };
      return this.rotate(now);
    }
    const signer = await this.signerFor(1);
    this.sql.exec(
      `INSERT INTO tlog_keys (generation, vkey, from_size, created_at) VALUES (1, ?, 0, ?)`,
      signer.vkey,
      now,
    );
    return { generation: 1, signer };
  }

  /** Retires the current key (its window ends at the latest size) and starts the next one. */
  async rotate(
    now: number,
    record: () => void = () => {},
  ): Promise<{ generation: number; signer: NoteSigner }> {
    const row = this.currentKeyRow();
    const generation = (row?.generation ?? 0) + 1;
    const signer = await this.signerFor(generation);
    const size = this.audit.size;
    this.audit.atomically(() => {
      if (row)
        this.sql.exec(
          `UPDATE tlog_keys SET to_size = ?, retired_at = ? WHERE generation = ?`,
          size,
          now,
          row.generation,
        );
      this.sql.exec(
        `INSERT INTO tlog_keys (generation, vkey, from_size, created_at) VALUES (?, ?, ?, ?)`,
        generation,
        signer.vkey,
        size,
        now,
      );
      record();
    });
    return { generation, signer };
  }

  /** Makes sure the tenant has a current key (so the history is never empty once it can sign). */
  async ensureKey(now: number): Promise<void> {
    if (this.canSign) await this.currentKey(now);
  }

  keyHistory(): LogKey[] {
    return this.sql
      .exec<{ vkey: string; from_size: number; to_size: number | null }>(
        `SELECT vkey, from_size, to_size FROM tlog_keys ORDER BY generation`,
      )
      .toArray()
      .map((k) => ({ vkey: k.vkey, from_size: k.from_size, to_size: k.to_size ?? null }));
  }

  /** The signed note of the current size, signing it (under the current key) if it is new. */
  async signHead(now: number): Promise<TlogHeadView> {
    const { generation, signer } = await this.currentKey(now);
    const size = this.audit.size;
    const stored = this.stored(size);
    if (stored && stored.generation === generation) return stored;
    const text = formatCheckpointText({
      origin: signer.name,
      size,
      rootHash: fromHex(this.audit.root()),
      extensions: [],
    });
    const note = await signNote(text, signer);
    this.sql.exec(
      `INSERT INTO tlog_heads (size, note, generation, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(size) DO UPDATE SET note = excluded.note, generation = excluded.generation`,
      size,
      note,
      generation,
      now,
    );
    this.sql.exec(`DELETE FROM tlog_cosignatures WHERE size = ?`, size);
    return { size, note, generation };
  }

  private stored(size: number): TlogHeadView | null {
    const row = this.sql
      .exec<{ note: string; generation: number }>(
        `SELECT note, generation FROM tlog_heads WHERE size = ?`,
        size,
      )
      .toArray()[0];
    return row
      ? { size, note: this.withCosignatures(size, row.note), generation: row.generation }
      : null;
  }

  latest(): TlogHeadView | null {
    const row = this.sql
      .exec<{ size: number }>(`SELECT size FROM tlog_heads ORDER BY size DESC LIMIT 1`)
      .toArray()[0];
    return row ? this.stored(row.size) : null;
  }

  private withCosignatures(size: number, note: string): string {
    const lines = this.sql
      .exec<{ line: string }>(
        `SELECT line FROM tlog_cosignatures WHERE size = ? ORDER BY witness_id`,
        size,
      )
      .toArray()
      .map((r) => r.line);
    return note + lines.join("");
  }

  /** A `.tlog-proof` for event `seq` against the latest signed note (signed now if needed). */
  async proofFile(seq: number, now: number): Promise<Result<string>> {
    if (!Number.isSafeInteger(seq) || seq < 1 || seq > this.audit.size)
      return fail("invalid_range", `Need 1 ≤ seq ≤ ${this.audit.size}.`);
    let cp = this.latest();
    if (!cp || cp.size < seq) cp = await this.signHead(now);
    const line = this.audit.exportLines(seq - 1, 1)[0]!;
    const inclusion = this.audit.inclusion(seq, cp.size);
    return ok(
      formatTlogProof({
        extra: utf8.encode(canonicalTextOfLine(line)),
        index: seq - 1,
        proof: inclusion.proof.map(fromHex),
        checkpoint: cp.note,
      }),
    );
  }

  // ── witnesses ──────────────────────────────────────────────────────────────────────────

  listWitnesses(): WitnessView[] {
    return this.sql
      .exec<WitnessView>(
        `SELECT id, url, vkey, last_size, last_ok_at, last_error FROM tlog_witnesses ORDER BY created_at, id`,
      )
      .toArray()
      .map((w) => ({ ...w }));
  }

  addWitness(url: string, vkey: string, now: number): Result<WitnessView> {
    const key = parseVerifierKey(vkey);
    const id = `wit_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
    if (this.listWitnesses().some((w) => parseVerifierKey(w.vkey).name === key.name))
      return fail("witness_exists", `A witness named ${key.name} is already configured.`);
    this.sql.exec(
      `INSERT INTO tlog_witnesses (id, url, vkey, last_size, created_at) VALUES (?, ?, ?, 0, ?)`,
      id,
      url,
      vkey,
      now,
    );
    return ok(this.listWitnesses().find((w) => w.id === id)!);
  }

  removeWitness(id: string): Result<null> {
    const found = this.sql.exec(`DELETE FROM tlog_witnesses WHERE id = ?`, id).rowsWritten;
    return found > 0 ? ok(null) : fail("not_found", "No such witness.");
  }

  /**
   * Sends the signed note to every witness that has not cosigned it, with a consistency proof
   * from the size the witness last cosigned; stores the cosignatures that verify. A witness
   * that is down or refuses is recorded in `last_error` and never blocks the log.
   */
  async submitToWitnesses(cp: TlogHeadView, now: number): Promise<void> {
    const logNote = this.sql
      .exec<{ note: string }>(`SELECT note FROM tlog_heads WHERE size = ?`, cp.size)
      .toArray()[0]?.note;
    if (!logNote) return;
    const text = parseNote(logNote).text;
    for (const w of this.listWitnesses()) {
      const have = this.sql
        .exec(`SELECT 1 FROM tlog_cosignatures WHERE size = ? AND witness_id = ?`, cp.size, w.id)
        .toArray();
      if (have.length > 0) continue;
      const error = await this.submitOne(w, logNote, text, cp.size).catch(
        (e: unknown) => `unreachable: ${(e as Error).name}`,
      );
      this.sql.exec(
        `UPDATE tlog_witnesses SET last_error = ?, last_ok_at = CASE WHEN ? IS NULL THEN ? ELSE last_ok_at END WHERE id = ?`,
        error,
        error,
        now,
        w.id,
      );
    }
  }

  /** One witness; returns null on success or a short reason. Retries once after a 409. */
  private async submitOne(
    w: WitnessView,
    note: string,
    text: string,
    size: number,
  ): Promise<string | null> {
    let oldSize = w.last_size;
    for (let attempt = 0; attempt < 2; attempt++) {
      if (oldSize > size) return `witness is at size ${oldSize}, ahead of the log (${size})`;
      const proof =
        oldSize > 0 && oldSize < size
          ? this.audit.consistency(oldSize, size).proof.map(fromHex)
          : [];
      const response = await this.ports.fetch(`${w.url.replace(/\/+$/, "")}/add-checkpoint`, {
        method: "POST",
        headers: { "content-type": "text/plain; charset=utf-8" },
        body: formatAddCheckpoint({ oldSize, proof, checkpoint: note }),
        redirect: "manual",
        signal: AbortSignal.timeout(WITNESS_TIMEOUT_MS),
      });
      const body = (await response.text()).slice(0, 16_384);
      if (response.status === 409 && /^(0|[1-9][0-9]*)\n$/.test(body)) {
        oldSize = Number(body.trim());
        continue;
      }
      if (response.status !== 200) return `HTTP ${response.status}`;
      const verifier = cosignatureVerifier(w.vkey);
      const lines = body.split("\n").filter(Boolean);
      for (const line of lines) {
        const checked = await verifyNote(`${text}\n${line}\n`, [verifier]);
        if (!checked.ok) continue;
        this.sql.exec(
          `INSERT OR REPLACE INTO tlog_cosignatures (size, witness_id, line, timestamp) VALUES (?, ?, ?, ?)`,
          size,
          w.id,
          `${line}\n`,
          checked.verified[0]!.timestamp ?? 0,
        );
        this.sql.exec(`UPDATE tlog_witnesses SET last_size = ? WHERE id = ?`, size, w.id);
        return null;
      }
      return "no valid cosignature in the witness's answer";
    }
    return "witness kept answering 409";
  }

  // ── public verification data ─────────────────────────────────────────────────────────────

  get isPublic(): boolean {
    return (
      this.sql
        .exec<{ value: string }>(`SELECT value FROM meta WHERE key = 'tlog_public'`)
        .toArray()[0]?.value === "1"
    );
  }

  setPublic(enabled: boolean): void {
    this.sql.exec(
      `INSERT INTO meta (key, value) VALUES ('tlog_public', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      enabled ? "1" : "0",
    );
  }
}
