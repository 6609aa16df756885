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
  private index = STATE_SIZE;

  constructor(seed: number) {
    this.reseed(seed);
  }

  /** Restarts the sequence of `seed` (init_genrand: mt[i] = 1812433253·(mt[i−1] ⊕ mt[i−1]≫30) + i). */
  reseed(seed: number): void {
    const state = this.state;
    state[0] = seed >>> 0;
    for (let i = 1; i < STATE_SIZE; i++) {
      const previous = state[i - 1] ^ (state[i - 1] >>> 30);
      state[i] = (Math.imul(previous, 1812433253) + i) >>> 0;
    }
    this.index = STATE_SIZE;
  }

  private twist(): void {
    const state = this.state;
    for (let i = 0; i < STATE_SIZE; i++) {
      const word = (state[i] & UPPER_MASK) | (state[(i + 1) % STATE_SIZE] & LOWER_MASK);
      state[i] = state[(i + SHIFT_SIZE) % STATE_SIZE] ^ (word >>> 1) ^ (word & 1 ? MATRIX_A : 0);
    }
    this.index = 0;
  }

  /** Next integer, uniform on [0, 2³²). */
  next(): number {
    if (this.index >= STATE_SIZE) this.twist();
    let value = this.state[this.index++];
    value ^= value >>> 11;
    value ^= (value << 7) & 0x9d2c5680;
    value ^= (value << 15) & 0xefc60000;
    value ^= value >>> 18;
    return value >>> 0;
  }
}
