/**
 * Nonces seen within the signature window, to reject a replayed notification or response.
 * Bounded: past `maxEntries` the oldest are dropped (a replay older than that is also stale).
 */
export class NonceCache {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /** Records the nonce; false when it was already seen and has not expired. */
  add(nonce: string, nowMs: number): boolean {
    for (const [key, expiresAt] of this.seen) {
      if (expiresAt > nowMs && this.seen.size < this.maxEntries) break;
      this.seen.delete(key);
    }
    const expiresAt = this.seen.get(nonce);
    if (expiresAt !== undefined && expiresAt > nowMs) return false;
    this.seen.delete(nonce);
    this.seen.set(nonce, nowMs + this.ttlMs);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }
}
