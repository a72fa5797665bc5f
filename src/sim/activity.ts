import type { Activity } from '../ir/activity.js';
import type { Netlist } from '../ir/netlist.js';
import { allocPlanes, packGather, toSlices } from './bitplane.js';
import { compile } from './compiled.js';
import { vectorCount } from './word-vectors.js';

/**
 * Switching activity of a stream of input vectors: for every net, how many times its value
 * changes between consecutive vectors (combinational netlists) or consecutive clock cycles
 * (sequential netlists, from reset).
 *
 * Zero-delay model: every net settles once per vector, so a net toggles at most once per
 * transition. Glitches (hazards from unequal path delays) are NOT modelled; real circuits toggle
 * more, especially deep carry chains and multipliers. Anything that prints these numbers must
 * say so.
 *
 * How the stream is spread across the 32-lane words: a combinational stream of N vectors is cut
 * into L = 32·words contiguous chunks of C = ceil(N / L) vectors; lane j runs vectors
 * jC .. jC+C-1 in order, and the activity kernel counts the toggles between consecutive vectors
 * of each lane (popcount of old XOR new, per net). The L-1 transitions across chunk boundaries
 * (vector jC-1 to jC) are then counted by a second, two-cycle pass over those pairs, so the
 * result is exactly the count of a scalar simulation of the whole stream: N-1 transitions. The
 * last chunk is padded by repeating the last vector, which toggles nothing.
 *
 * A sequential netlist cannot be cut (its state carries over), so it runs as one instance in
 * lane 0 for N cycles from reset: N-1 transitions. Cost: one popcount (12 word ops) per net
 * per vector on top of the gate evaluation.
 */
export function simulateActivity(
  netlist: Netlist,
  stream: Readonly<Record<string, ArrayLike<number> | readonly bigint[]>>,
): Activity {
  const sim = compile(netlist);
  const count = vectorCount(netlist, stream);
  const toggles = new Float64Array(netlist.netCount);
  if (count === 0) return { vectors: 0, transitions: 0, netToggles: toggles };
  const slices = netlist.inputs.map((p) => toSlices(stream[p.name], p.bits.length));
  const kernel = sim.activityKernel();

  const runPass = (words: number, cycles: number, index: Indexer, mask: Int32Array) => {
    const inPlanes = allocPlanes(sim.inputBits, words * cycles);
    netlist.inputs.forEach((p, k) => {
      const o = sim.inputOffset[p.name];
      const planes = inPlanes.slice(o, o + p.bits.length);
      packGather(slices[k], p.bits.length, planes, words, cycles, index);
    });
    const outPlanes = allocPlanes(sim.outputBits, words * cycles);
    kernel(inPlanes, outPlanes, sim.resetState(words), words, cycles, toggles, mask);
  };

  if (sim.isSequential) {
    runPass(1, count, (lane, t) => (lane === 0 ? t : 0), Int32Array.of(1));
    return { vectors: count, transitions: count - 1, netToggles: toggles };
  }

  const words = chunkWords(count);
  const chunk = Math.ceil(count / (32 * words));
  runPass(words, chunk, (lane, t) => Math.min(lane * chunk + t, count - 1), fullMask(words));
  // Lanes 1 .. used-1 start a new chunk: their first vector follows the previous lane's last.
  const boundaries = Math.ceil(count / chunk) - 1;
  if (boundaries > 0) {
    const bw = Math.ceil(boundaries / 32);
    const mask = fullMask(bw);
    if (boundaries % 32 !== 0) mask[bw - 1] = (1 << (boundaries % 32)) - 1;
    runPass(bw, 2, (lane, t) => Math.min((lane + 1) * chunk - 1 + t, count - 1), mask);
  }
  return { vectors: count, transitions: count - 1, netToggles: toggles };
}

type Indexer = (lane: number, t: number) => number;

/**
 * Words of lanes for a stream of `count` vectors: enough lanes that each runs about 256
 * vectors (long chunks amortise the per-lane setup; many lanes fill the words), at most 1024.
 */
export function chunkWords(count: number): number {
  return Math.max(1, Math.min(1024, Math.ceil(count / (32 * 256))));
}

function fullMask(words: number): Int32Array {
  return new Int32Array(words).fill(-1);
}
