/**
 * The values used most recently, at most `capacity` of them, the least recently used dropped first.
 * Only for values that never change once stored (a published population's tables): a value kept here
 * is never stale, so nothing has to invalidate it.
 */
export class RecentValues<Key, Value> {
  private readonly values = new Map<Key, Value>();

  constructor(private readonly capacity: number) {}

  get(key: Key): Value | undefined {
    const value = this.values.get(key);
    if (value === undefined) return undefined;
    // A Map keeps insertion order: moved to the end, the entry is the last to be dropped.
    this.values.delete(key);
    this.values.set(key, value);
    return value;
  }

  set(key: Key, value: Value): void {
    this.values.delete(key);
    this.values.set(key, value);
    if (this.values.size > this.capacity) this.values.delete(this.values.keys().next().value as Key);
  }
}
