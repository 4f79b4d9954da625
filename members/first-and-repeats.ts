/**
 * A multimap for registers of 100,000 members where nearly every key has one value: that value is
 * held as it is, and an array is made only for a key seen again (a duplicate card, a shared user
 * ID). An array per key would cost more than the key itself.
 */
export class FirstAndRepeats<K, V> {
  private readonly single = new Map<K, V>();
  private readonly repeated = new Map<K, V[]>();

  add(key: K | undefined, value: V): void {
    if (key === undefined) return;
    const list = this.repeated.get(key);
    if (list) return void list.push(value);
    if (!this.single.has(key)) return void this.single.set(key, value);
    const first = this.single.get(key) as V;
    this.single.delete(key);
    this.repeated.set(key, [first, value]);
  }

  get(key: K | undefined): readonly V[] {
    if (key === undefined) return [];
    if (this.single.has(key)) return [this.single.get(key) as V];
    return this.repeated.get(key) ?? [];
  }

  /** Keys seen more than once, in the order of their second value, with their values in the order added. */
  repeats(): IterableIterator<[K, readonly V[]]> {
    return this.repeated.entries();
  }

  /** Keys seen once first, then those seen more than once: not the order added. */
  *entries(): Generator<[K, readonly V[]]> {
    for (const [key, value] of this.single) yield [key, [value]];
    yield* this.repeated;
  }

  /** In the order of entries(). */
  *keys(): Generator<K> {
    yield* this.single.keys();
    yield* this.repeated.keys();
  }
}
