/**
 * Maps small integer keys to dense slots without clearing between uses: an entry counts only if
 * its stamp is the current one.
 */
export class StampedSlots {
  private slotOf = new Int32Array(1024);
  private stampOf = new Int32Array(1024);
  private stamp = 0;

  reset(): void {
    this.stamp += 1;
  }

  /** The key's slot, or -1 after assigning it `next` when the key is new since the last reset. */
  claim(key: number, next: number): number {
    if (key >= this.slotOf.length) this.grow(key);
    if (this.stampOf[key] === this.stamp) return this.slotOf[key];
    this.stampOf[key] = this.stamp;
    this.slotOf[key] = next;
    return -1;
  }

  private grow(key: number): void {
    const size = Math.max(key + 1, this.slotOf.length * 2);
    const slotOf = new Int32Array(size);
    const stampOf = new Int32Array(size);
    slotOf.set(this.slotOf);
    stampOf.set(this.stampOf);
    this.slotOf = slotOf;
    this.stampOf = stampOf;
  }
}
