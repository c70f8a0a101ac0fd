import {
  destinationAllows,
  type Destination,
  type DestinationVia,
} from "../../core/secrets/destinations";
import { SecretMatcher } from "../../core/secrets/mask";
import { replaceSecretRefs } from "../../core/secrets/reference";
import { openVault } from "./deks";
import type { Vault } from "./deks";
import { VaultError } from "./errors";
import { readSecret } from "./secrets";

const MASK_ALL_LIMIT = 10_000;

/** One resolved use of a secret, as the audit log records it (never the value). */
export interface SecretUse {
  name: string;
  /** The URL the value is about to be sent to. */
  url: string;
  via: DestinationVia;
  /** The allow-list entry that matched. */
  allowed: Destination;
}

export const describeVia = (via: DestinationVia): string =>
  via.kind === "header" ? `the ${via.name} header` : `the key of provider ${via.id}`;

/**
 * One tool execution's (or one model call's) view of the vault, and the only code that turns
 * `secret:NAME` into a value. Each resolution names the request it is for — its URL (after every
 * redirect) and how the value travels — and is refused unless the secret's destinations allow
 * exactly that; every use is handed to `onUse` for the audit log. It also remembers values so
 * that anything coming back can be masked (`mask`, `matcher`). Drop it when done.
 */
export class VaultSession {
  readonly #vault: Vault;
  readonly #tenantId: string;
  readonly #values = new Map<string, { value: string; destinations: Destination[] }>();
  readonly #onUse: (use: SecretUse) => void;
  #matcher: SecretMatcher | null = null;

  private constructor(vault: Vault, tenantId: string, onUse: (use: SecretUse) => void) {
    this.#vault = vault;
    this.#tenantId = tenantId;
    this.#onUse = onUse;
  }

  static async open(
    env: { DB: D1Database; VAULT_KEKS?: string },
    tenantId: string,
    onUse: (use: SecretUse) => void = () => {},
  ): Promise<VaultSession> {
    if (!env.VAULT_KEKS) throw new Error("VAULT_KEKS is not configured");
    return new VaultSession(await openVault(env.DB, env.VAULT_KEKS), tenantId, onUse);
  }

  static over(vault: Vault, tenantId: string, onUse: (use: SecretUse) => void = () => {}) {
    return new VaultSession(vault, tenantId, onUse);
  }

  async #read(name: string): Promise<{ value: string; destinations: Destination[] }> {
    const known = this.#values.get(name);
    if (known) return known;
    const secret = await readSecret(this.#vault, this.#tenantId, name);
    this.#values.set(name, secret);
    this.#matcher = null;
    return secret;
  }

  /**
   * The value of `name` for a request to `url` that carries it `via` a header or as a provider
   * key. Throws `VaultError` (`destination_refused`, `secret_not_found`, …) naming the secret and
   * the destination, never the value.
   */
  async resolveFor(name: string, url: string, via: DestinationVia): Promise<string> {
    const secret = await this.#read(name);
    const allowed = destinationAllows(secret.destinations, url, via);
    if (!allowed) {
      const where = safeOrigin(url);
      throw new VaultError(
        "destination_refused",
        secret.destinations.length === 0
          ? `refused: secret ${name} has no destinations yet, so it may not be sent anywhere; an admin can bind it in the vault.`
          : `refused: secret ${name} may not be sent to ${where} in ${describeVia(via)}; it is bound to ${secret.destinations.map((d) => `${d.origin} (${describeVia(d.via)})`).join(", ")}.`,
      );
    }
    this.#onUse({ name, url, via, allowed });
    return secret.value;
  }

  /** `text` with every `secret:NAME` in it resolved for a request to `url` via header `header`. */
  async resolveHeader(text: string, url: string, header: string): Promise<string> {
    return replaceSecretRefs(text, (name) =>
      this.resolveFor(name, url, { kind: "header", name: header.toLowerCase() }),
    );
  }

  /**
   * Also remembers every other live secret of the tenant, so masking catches a value obtained some
   * other way (e.g. echoed from a tool's environment).
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
        await this.#read(name);
      } catch (e) {
        // Deleted or shredded meanwhile: nothing to mask.
        if (!(e instanceof VaultError)) throw e;
      }
    }
  }

  /**
   * Every remembered value in every spelling, as a matcher that outlives `close()`: take it
   * before closing so an error path can still mask.
   */
  matcher(): SecretMatcher {
    this.#matcher ??= new SecretMatcher([...this.#values.values()].map((s) => s.value));
    return this.#matcher;
  }

  /** `text` with every remembered secret (any spelling) replaced by `***` + its last four. */
  mask(text: string): string {
    return this.matcher().mask(text);
  }

  /** Drops the remembered values. */
  close(): void {
    this.#values.clear();
    this.#matcher = null;
  }
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "an invalid URL";
  }
}
