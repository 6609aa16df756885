/**
 * MT19937, the 32-bit Mersenne Twister (Matsumoto & Nishimura 1998, ACM TOMACS 8(1)), seeded as
 * the reference `init_genrand`. The same sequence as @stdlib/random-base-mt19937 for a numeric
 * seed (checked by the tests), without its per-call overhead: the bootstrap draws millions of
 * numbers and reseeds once per replicate, so the state lives in one reusable typed array.
 *
 * @example
 * const generator = new MersenneTwister(5489);
 * generator.next(); // 3499211612, the reference implementation's first output
 */
const STATE_SIZE = 624;
const SHIFT_SIZE = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

export class MersenneTwister {
  private readonly state = new Uint32Array(STATE_SIZE);
  private index = 0;
  /** After a reseed, words [0, initialised) hold init_genrand's values… */
  private initialised = 0;
  /** …and words [0, twisted) the first twist's: both are computed only as far as the draws need. */
  private twisted = 0;

  constructor(seed: number) {
    this.reseed(seed);
  }

  /**
   * Restarts the sequence of `seed` (init_genrand: mt[i] = 1812433253·(mt[i−1] ⊕ mt[i−1]≫30) + i).
   * The state is filled lazily: a bootstrap replicate of 100 units draws 100 numbers, which need
   * 497 initial words and 100 twisted ones instead of 624 and 624.
   */
  reseed(seed: number): void {
    this.state[0] = seed >>> 0;
    this.initialised = 1;
    this.twisted = 0;
    this.index = 0;
  }

  private initialiseThrough(last: number): void {
    const state = this.state;
    for (let i = this.initialised; i <= last; i++) {
      const previous = state[i - 1] ^ (state[i - 1] >>> 30);
      state[i] = (Math.imul(previous, 1812433253) + i) >>> 0;
    }
    if (last >= this.initialised) this.initialised = last + 1;
  }

  /** Twists word i in place, as the reference's loop does in order (words before i are already new). */
  private twistWord(i: number): void {
    const state = this.state;
    const word = (state[i] & UPPER_MASK) | (state[(i + 1) % STATE_SIZE] & LOWER_MASK);
    state[i] = state[(i + SHIFT_SIZE) % STATE_SIZE] ^ (word >>> 1) ^ (word & 1 ? MATRIX_A : 0);
  }

  /** Makes word `index` of the current block available. */
  private refill(): void {
    if (this.index >= STATE_SIZE) {
      // Every later block: a full twist of a fully known state.
      for (let i = 0; i < STATE_SIZE; i++) this.twistWord(i);
      this.index = 0;
      this.twisted = STATE_SIZE;
      return;
    }
    // First block after a reseed: twist up to `index`, initialising the words that needs.
    const through = this.index;
    this.initialiseThrough(Math.min(STATE_SIZE - 1, through + SHIFT_SIZE));
    for (let i = this.twisted; i <= through; i++) this.twistWord(i);
    this.twisted = through + 1;
  }

  /** Next integer, uniform on [0, 2³²). */
  next(): number {
    if (this.index >= this.twisted) this.refill();
    let value = this.state[this.index++];
    value ^= value >>> 11;
    value ^= (value << 7) & 0x9d2c5680;
    value ^= (value << 15) & 0xefc60000;
    value ^= value >>> 18;
    return value >>> 0;
  }
}
