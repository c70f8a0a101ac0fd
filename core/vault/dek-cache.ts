/**
 * In-memory cache of unwrapped (non-extractable) DEKs keyed by tenant and DEK version, so a
 * secret decrypt with a warm cache costs one AES-GCM decrypt instead of an unwrap plus a decrypt.
 * Least-recently-used eviction beyond `maxEntries`; entries expire `ttlMs` after they were set.
 * Time is passed in (`now`, in ms) so the cache stays pure and testable.
 */
export class DekCache {
  readonly #maxEntries: number;
  readonly #ttlMs: number;
  readonly #entries = new Map<string, { readonly dek: CryptoKey; readonly expiresAt: number }>();

  constructor(options: { maxEntries: number; ttlMs: number }) {
    if (!Number.isSafeInteger(options.maxEntries) || options.maxEntries < 1) {
      throw new RangeError("DekCache maxEntries must be a positive integer");
    }
    if (!Number.isFinite(options.ttlMs) || options.ttlMs <= 0) {
      throw new RangeError("DekCache ttlMs must be a positive number");
    }
    this.#maxEntries = options.maxEntries;
    this.#ttlMs = options.ttlMs;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(tenantId: string, dekVersion: number, now: number): CryptoKey | undefined {
    const key = cacheKey(tenantId, dekVersion);
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    this.#entries.delete(key);
    if (now >= entry.expiresAt) return undefined;
    this.#entries.set(key, entry); // re-insert: Map order is the recency order
    return entry.dek;
  }

  set(tenantId: string, dekVersion: number, dek: CryptoKey, now: number): void {
    const key = cacheKey(tenantId, dekVersion);
    this.#entries.delete(key);
    if (this.#entries.size >= this.#maxEntries) this.#purgeExpired(now);
    while (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, { dek, expiresAt: now + this.#ttlMs });
  }

  delete(tenantId: string, dekVersion: number): boolean {
    return this.#entries.delete(cacheKey(tenantId, dekVersion));
  }

  /** Drops every cached DEK of a tenant (tenant deletion / crypto-shredding, DEK rotation). */
  deleteTenant(tenantId: string): number {
    let removed = 0;
    for (const key of [...this.#entries.keys()]) {
      if (tenantOf(key) === tenantId) removed += Number(this.#entries.delete(key));
    }
    return removed;
  }

  clear(): void {
    this.#entries.clear();
  }

  #purgeExpired(now: number): void {
    for (const [key, entry] of this.#entries) {
      if (now >= entry.expiresAt) this.#entries.delete(key);
    }
  }
}

// JSON array keys cannot collide whatever characters a tenant id contains.
const cacheKey = (tenantId: string, dekVersion: number) => JSON.stringify([tenantId, dekVersion]);
const tenantOf = (key: string) => (JSON.parse(key) as [string, number])[0];
