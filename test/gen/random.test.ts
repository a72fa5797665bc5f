import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/gen/random.js';

/** splitmix32 written again with BigInt arithmetic modulo 2^32, as an independent model. */
function* splitmix32(seed: number): Generator<bigint> {
  const M = 1n << 32n;
  let state = BigInt(seed >>> 0);
  for (;;) {
    state = (state + 0x9e3779b9n) % M;
    let z = state;
    z = ((z ^ (z >> 16n)) * 0x85ebca6bn) % M;
    z = ((z ^ (z >> 13n)) * 0xc2b2ae35n) % M;
    yield z ^ (z >> 16n);
  }
}

describe('SeededRandom', () => {
  it('produces the splitmix32 sequence', () => {
    for (const seed of [0, 1, 42, 0xffffffff]) {
      const r = new SeededRandom(seed);
      const model = splitmix32(seed);
      for (let i = 0; i < 50; i++) expect(BigInt(r.nextUint32())).toBe(model.next().value);
    }
  });

  it('gives the same bits for the same seed and different bits for another', () => {
    const draw = (seed: number) => {
      const r = new SeededRandom(seed);
      return [5, 32, 33, 100, 256].map((w) => r.bits(w));
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('keeps bit patterns inside their width, words concatenated high first', () => {
    const r = new SeededRandom(3);
    for (const w of [1, 7, 31, 32, 33, 64, 255]) {
      const v = r.bits(w);
      expect(v >= 0n && v < 1n << BigInt(w)).toBe(true);
    }
    const words = splitmix32(9);
    const hi = words.next().value;
    const lo = words.next().value;
    expect(new SeededRandom(9).bits(40)).toBe(BigInt.asUintN(40, (hi << 32n) | lo));
    expect(new SeededRandom(9).bits(0)).toBe(0n);
  });
});
