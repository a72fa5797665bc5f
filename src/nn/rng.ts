/**
 * The seeded pseudo-random generator behind every random choice in training (initial weights,
 * shuffling, augmentation), so that the same seed gives the same checkpoint bytes.
 *
 * xoshiro128** (Blackman & Vigna 2018): 128-bit state, 32-bit outputs, period 2^128 − 1. The
 * state is filled from the seed and a stream number by splitmix32, so independent streams
 * (initialisation, the shuffle of epoch e, ...) need no shared state and a resumed run
 * reproduces exactly the stream an uninterrupted run would have used.
 */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare: number | undefined;

  constructor(seed: number, stream = 0) {
    let x = (Math.imul(seed | 0, 0x9e3779b9) ^ Math.imul(stream | 0, 0x85ebca6b) ^ 0x6a09e667) | 0;
    const next = (): number => {
      // splitmix32: one increment by the golden-ratio constant, then a 3-round mix.
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** The next 32-bit unsigned integer. */
  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1) with 32 bits of resolution. */
  uniform(): number {
    return this.nextU32() / 4294967296;
  }

  /** Integer uniform in [0, n), n ≤ 2^32 (multiply-shift; bias below 2^-32·n, irrelevant here). */
  below(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Standard normal by Box–Muller; the second value of each pair is kept for the next call. */
  normal(): number {
    if (this.spare !== undefined) {
      const v = this.spare;
      this.spare = undefined;
      return v;
    }
    const u1 = 1 - this.uniform(); // in (0, 1]: log stays finite
    const u2 = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    this.spare = r * Math.sin(2 * Math.PI * u2);
    return r * Math.cos(2 * Math.PI * u2);
  }

  /** A uniformly random permutation of 0..n-1 (Fisher–Yates). */
  permutation(n: number): Uint32Array {
    const p = new Uint32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.below(i + 1);
      const t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
