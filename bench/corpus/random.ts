/** A seeded random source (mulberry32) with the few distributions the corpus needs. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One item, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** A standard normal deviate (Box-Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
}

/** Picks from weighted items in O(1) (Vose's alias method). */
export class WeightedPicker<T> {
  private readonly items: readonly T[];
  private readonly probability: Float64Array;
  private readonly alias: Int32Array;

  constructor(items: readonly T[], weights: readonly number[]) {
    const n = weights.length;
    const total = weights.reduce((sum, w) => sum + w, 0);
    const scaled = weights.map((w) => (w * n) / total);
    this.items = items;
    this.probability = new Float64Array(n).fill(1);
    this.alias = new Int32Array(n).map((_, i) => i);
    const small: number[] = [];
    const large: number[] = [];
    scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
    while (small.length > 0 && large.length > 0) {
      const less = small.pop()!;
      const more = large.pop()!;
      this.probability[less] = scaled[less]!;
      this.alias[less] = more;
      scaled[more] = scaled[more]! + scaled[less]! - 1;
      (scaled[more] < 1 ? small : large).push(more);
    }
  }

  /** Draws one item. */
  pick(random: Random): T {
    const u = random.next() * this.items.length;
    const i = Math.floor(u);
    return this.items[u - i < this.probability[i]! ? i : this.alias[i]!]!;
  }
}
