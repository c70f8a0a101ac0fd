import { maskKnownSecrets } from "../../core/secrets";
import { openVault } from "./deks";
import type { Vault } from "./deks";
import { VaultError } from "./errors";
import { readSecretValue } from "./secrets";

/** A tool argument that is exactly `secret:NAME` refers to the vault secret NAME. */
export const SECRET_REF_PATTERN = /^secret:([A-Z][A-Z0-9_]{0,63})$/;
const MAX_DEPTH = 64;
const MASK_ALL_LIMIT = 10_000;

export function secretRefName(value: unknown): string | undefined {
  return typeof value === "string" ? SECRET_REF_PATTERN.exec(value)?.[1] : undefined;
}

/**
 * One tool execution's view of the vault. It resolves `secret:NAME` references just before the
 * tool runs (after the policy decision; steps, checkpoints and audit keep the reference) and
 * remembers the values it handed out so the tool's output can be masked with `***last4`.
 * Drop the session when the tool has finished: the values live only as long as it does.
 */
export class VaultSession {
  readonly #vault: Vault;
  readonly #tenantId: string;
  readonly #values = new Map<string, string>();
  /** Names whose values were handed to the tool (not those only loaded for masking). */
  readonly #handedOut = new Set<string>();

  private constructor(vault: Vault, tenantId: string) {
    this.#vault = vault;
    this.#tenantId = tenantId;
  }

  static async open(
    env: { DB: D1Database; VAULT_KEKS?: string },
    tenantId: string,
  ): Promise<VaultSession> {
    if (!env.VAULT_KEKS) throw new Error("VAULT_KEKS is not configured");
    return new VaultSession(await openVault(env.DB, env.VAULT_KEKS), tenantId);
  }

  static over(vault: Vault, tenantId: string): VaultSession {
    return new VaultSession(vault, tenantId);
  }

  /** Names resolved so far (never values). */
  get resolvedNames(): string[] {
    return [...this.#values.keys()];
  }

  /** Secrets the tool was given, for the audit log (never values). */
  get handedOutNames(): string[] {
    return [...this.#handedOut];
  }

  /** The value of secret `name` for immediate use by a tool. */
  async value(name: string): Promise<string> {
    const value = await this.#load(name);
    this.#handedOut.add(name);
    return value;
  }

  async #load(name: string): Promise<string> {
    const known = this.#values.get(name);
    if (known !== undefined) return known;
    const value = await readSecretValue(this.#vault, this.#tenantId, name);
    this.#values.set(name, value);
    return value;
  }

  /**
   * A deep copy of `args` with every string that is exactly `secret:NAME` replaced by the value.
   * Object keys are never resolved. Throws `VaultError("secret_not_found")` naming the secret.
   */
  async resolve<T>(args: T): Promise<T> {
    return (await this.#resolve(args, 0)) as T;
  }

  async #resolve(value: unknown, depth: number): Promise<unknown> {
    if (depth > MAX_DEPTH) throw new TypeError("tool arguments are nested too deeply");
    const name = secretRefName(value);
    if (name !== undefined) return this.value(name);
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (const item of value) out.push(await this.#resolve(item, depth + 1));
      return out;
    }
    if (value !== null && typeof value === "object") {
      const entries: [string, unknown][] = [];
      for (const [key, item] of Object.entries(value)) {
        entries.push([key, await this.#resolve(item, depth + 1)]);
      }
      // fromEntries defines properties, so a "__proto__" key stays an ordinary key.
      return Object.fromEntries(entries);
    }
    return value;
  }

  /**
   * Also remembers every other live secret of the tenant, so `mask` catches a value the tool
   * obtained some other way (e.g. echoed from its environment).
   */
  async rememberAll(): Promise<void> {
    const { results } = await this.#vault.db
      .prepare(
        "SELECT name FROM secrets WHERE tenant_id = ?1 AND deleted_at IS NULL ORDER BY name LIMIT ?2",
      )
      .bind(this.#tenantId, MASK_ALL_LIMIT)
      .all<{ name: string }>();
    for (const { name } of results) {
      try {
        await this.#load(name);
      } catch (e) {
        // Deleted or shredded meanwhile: nothing to mask.
        if (!(e instanceof VaultError)) throw e;
      }
    }
  }

  /** `text` with every remembered secret value replaced by `***` + its last four characters. */
  mask(text: string): string {
    return this.#values.size === 0 ? text : maskKnownSecrets(text, [...this.#values.values()]);
  }

  /** Drops the remembered values. */
  close(): void {
    this.#values.clear();
    this.#handedOut.clear();
  }
}

/**
 * Resolves `secret:NAME` references in tool arguments (deep). Returns the resolved arguments and
 * the session that can mask the tool's output; both are for the tool execution only.
 */
export async function resolveSecretRefs<T>(
  env: { DB: D1Database; VAULT_KEKS?: string },
  tenantId: string,
  args: T,
): Promise<{ args: T; session: VaultSession }> {
  const session = await VaultSession.open(env, tenantId);
  return { args: await session.resolve(args), session };
}
