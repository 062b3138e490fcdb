/**
 * A time series of at most `maxItems`: every item is offered, and when the series is full the kept ones are thinned by
 * halves and later ones kept at a doubled stride, so the points stay evenly spread over a run of any length. An item
 * offered with `keep` (the first and the last) is always stored.
 */
export class ThinnedSeries<TItem> {
  readonly #maxItems: number;
  #items: TItem[] = [];
  #stride = 1;
  #offered = 0;

  constructor(options: { readonly maxItems: number }) {
    this.#maxItems = options.maxItems;
  }

  /** Offers one item (made lazily, only when kept); `keep` stores it even when the stride would skip it. */
  offer(make: () => TItem, keep = false): void {
    this.#offered += 1;
    const onStride = (): boolean => (this.#offered - 1) % this.#stride === 0;
    if (!keep && !onStride()) return;
    if (this.#items.length >= this.#maxItems) {
      this.#items = this.#items.filter((_, index) => index % 2 === 0);
      this.#stride *= 2;
      if (!keep && !onStride()) return;
    }
    this.#items.push(make());
  }

  /** The kept items, oldest first. */
  get items(): readonly TItem[] {
    return this.#items;
  }
}
