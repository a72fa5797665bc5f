import type { Netlist } from '../ir/netlist.js';
import { allocPlanes, packGather, toSlices, wordsFor } from './bitplane.js';
import { CompiledSimulator } from './compiled.js';

/** Cycles simulated per call of the compiled kernel (bounds the memory of its planes). */
const PIECE = 8192;

/**
 * The register states of a sequential netlist over a stream, from reset: one plane per
 * register (netlist order), lane t = the value of its output q during cycle t (cycle 0 holds
 * the init values). One instance runs in lane 0 of the compiled zero-delay simulator, through
 * a copy of the netlist whose only output is the register outputs.
 */
export function registerStates(
  netlist: Netlist,
  stream: Readonly<Record<string, ArrayLike<number> | readonly bigint[]>>,
  count: number,
): Int32Array[] {
  const probe: Netlist = {
    ...netlist,
    outputs: [{ name: 'state', bits: netlist.registers.map((r) => r.q) }],
  };
  const sim = new CompiledSimulator(probe, { wasm: false });
  const slices = probe.inputs.map((p) => toSlices(stream[p.name], p.bits.length));
  const registers = netlist.registers.length;
  const states = allocPlanes(registers, wordsFor(count));
  const state = sim.resetState(1);
  for (let start = 0; start < count; start += PIECE) {
    const cycles = Math.min(PIECE, count - start);
    const inPlanes = allocPlanes(sim.inputBits, cycles);
    probe.inputs.forEach((p, k) => {
      const o = sim.inputOffset[p.name];
      const own = inPlanes.slice(o, o + p.bits.length);
      packGather(slices[k], p.bits.length, own, 1, cycles, (_lane, t) => start + t);
    });
    const outPlanes = allocPlanes(registers, cycles);
    sim.runPlanes(inPlanes, outPlanes, state, 1, cycles);
    for (let r = 0; r < registers; r++) {
      const from = outPlanes[r];
      const to = states[r];
      for (let t = 0; t < cycles; t++) {
        const lane = start + t;
        to[lane >>> 5] |= (from[t] & 1) << (lane & 31);
      }
    }
  }
  return states;
}
