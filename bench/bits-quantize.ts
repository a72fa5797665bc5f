import {
  type IntQuantizer,
  intQuantizer,
  quantizeInt,
  quantizeInt32Array,
} from '../src/bits/fast.js';
import { quantize } from '../src/bits/quantize.js';

/**
 * Requantizing int32 accumulators to int8 (shift 8, RND_CONV, SAT), the engine's inner step:
 * the Int32Array fast path, the scalar fast path and the bigint golden path, in elements per
 * second (best of several interleaved runs). Two data sets from a fixed linear congruential
 * sequence: accumulators that mostly land inside int8 after the shift (the usual case) and
 * accumulators that mostly saturate (unpredictable branches).
 */
export async function run(): Promise<void> {
  const q = intQuantizer({
    shift: 8,
    width: 8,
    signed: true,
    rounding: 'RND_CONV',
    overflow: 'SAT',
  });
  // src >> 17 spans +-2^14: after the shift by 8, +-64, inside int8. src >> 8 spans +-2^23.
  for (const [label, spread] of [
    ['mostly in range', 17],
    ['mostly saturating', 8],
  ] as const) {
    const src = lcg(1 << 20, spread);
    report(label, src, q);
  }
}

function lcg(n: number, spread: number): Int32Array {
  const out = new Int32Array(n);
  let seed = 12345;
  for (let i = 0; i < n; i++) {
    // Numerical Recipes LCG constants.
    seed = (Math.imul(seed, 1664525) + 1013904223) | 0;
    out[i] = seed >> spread;
  }
  return out;
}

function report(label: string, src: Int32Array, q: IntQuantizer): void {
  const n = src.length;
  const dst = new Int32Array(n);
  const m = 1 << 14;
  let sink = 0;
  const bodies = {
    array: () => {
      sink += quantizeInt32Array(src, q, dst);
    },
    scalar: () => {
      for (let i = 0; i < n; i++) dst[i] = quantizeInt(src[i], q);
    },
    bigint: () => {
      for (let i = 0; i < m; i++) sink += Number(quantize(BigInt(src[i]), q.from, q.to, q).value);
    },
  };
  const best = bestSeconds(bodies, 15);
  const rate = { array: n / best.array, scalar: n / best.scalar, bigint: m / best.bigint };
  const fmt = (r: number) => `${(r / 1e6).toFixed(1).padStart(7)} M/s`;
  console.log(`int32 -> int8, shift 8, RND_CONV + SAT, ${label} (checksum ${sink & 0xff})`);
  console.log(`  quantizeInt32Array      ${fmt(rate.array)}`);
  console.log(`  quantizeInt in a loop   ${fmt(rate.scalar)}`);
  console.log(`  bigint quantize         ${fmt(rate.bigint)}`);
  console.log(`  array / bigint          ${(rate.array / rate.bigint).toFixed(0).padStart(7)}x`);
}

/** Best wall time of each body over `rounds` interleaved rounds, after one warm-up each. */
function bestSeconds<K extends string>(
  bodies: Record<K, () => void>,
  rounds: number,
): Record<K, number> {
  const keys = Object.keys(bodies) as K[];
  const best = {} as Record<K, number>;
  for (const k of keys) {
    bodies[k]();
    best[k] = Number.POSITIVE_INFINITY;
  }
  for (let r = 0; r < rounds; r++)
    for (const k of keys) {
      const t0 = process.hrtime.bigint();
      bodies[k]();
      const dt = Number(process.hrtime.bigint() - t0) / 1e9;
      if (dt < best[k]) best[k] = dt;
    }
  return best;
}
