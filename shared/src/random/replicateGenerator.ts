import { MersenneTwister } from "./mersenneTwister";

/**
 * Seeded generators for bootstrap replicates. Replicate `b` of seed `s` always draws from its own
 * Mersenne Twister seeded by a hash of (s, b), so a bootstrap gives the same numbers whether it
 * runs in one piece or is split into chunks across workers, in any order.
 */
export function replicateSeed(seed: number, replicate: number): number {
  // murmur3 finaliser over a golden-ratio mix: spreads consecutive (seed, replicate) pairs apart
  let hash = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(replicate + 1, 0x85ebca77)) >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35) >>> 0;
  hash ^= hash >>> 16;
  return hash === 0 ? 1 : hash >>> 0;
}

// One generator reseeded per replicate: the draws of a replicate depend only on (seed, replicate).
const generator = new MersenneTwister(1);

/**
 * Fills `counts` with how many times each of `counts.length` units is drawn when `counts.length`
 * units are drawn with replacement (the unit resample of replicate `replicate`).
 */
export function drawResampleCounts(seed: number, replicate: number, counts: Uint32Array): void {
  generator.reseed(replicateSeed(seed, replicate));
  const size = counts.length;
  counts.fill(0);
  for (let draw = 0; draw < size; draw++) counts[Math.floor((generator.next() / 4294967296) * size)] += 1; // uint32 / 2³² is uniform on [0, 1)
}
