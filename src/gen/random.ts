import { wrapBigInt } from '../bits/raw.js';

/**
 * A small seeded generator for verification vectors, so that `--seed S` gives the same vectors
 * on every machine. splitmix32 (a Weyl sequence through the MurmurHash3 finaliser): 32 bits
 * per call, full period 2^32, not for cryptography.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  }

  /** A uniformly random unsigned bit pattern of `width` bits. */
  bits(width: number): bigint {
    let value = 0n;
    for (let filled = 0; filled < width; filled += 32) {
      value = (value << 32n) | BigInt(this.nextUint32());
    }
    return wrapBigInt(value, width, false);
  }
}
