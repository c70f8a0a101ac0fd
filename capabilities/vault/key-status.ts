import { iso, isoOrNull } from "../../core/time";
import { database } from "../../platform/db/client";
import { keyring } from "./keyring";
import { countDeksNotUnder, countSecretsBehind, dekRows, secretCountsByDek } from "./repository";

/** What the key-status screen shows of a tenant's vault keys (never key material). */
export async function keyStatus(d1: D1Database, vaultKeks: string, tenantId: string) {
  const db = database(d1);
  const { ring } = await keyring(vaultKeks);
  const deks = await dekRows(db, tenantId);
  const counts = await secretCountsByDek(db, tenantId);
  const perVersion = new Map(counts.map((r) => [r.dekVersion, r.n]));
  const active = deks.find((d) => d.state === "active");
  const remaining = active ? await countSecretsBehind(db, tenantId, active.version) : 0;
  return {
    active_kek: ring.active.id,
    active_dek_version: active?.version ?? null,
    deks: deks.map((d) => ({
      version: d.version,
      state: d.state,
      kek_id: d.kekId,
      created_at: iso(d.createdAt),
      rewrapped_at: isoOrNull(d.rewrappedAt),
      destroyed_at: isoOrNull(d.destroyedAt),
      secrets: perVersion.get(d.version) ?? 0,
    })),
    rotation: { in_progress: remaining > 0, remaining },
    rewrap: { needed: await countDeksNotUnder(db, ring.active.id, tenantId) },
  };
}
