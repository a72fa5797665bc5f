import type { Netlist } from '../../src/ir/netlist.js';
import { compile } from '../../src/sim/compiled.js';
import { ReferenceSimulator } from '../../src/sim/reference.js';
import { ActivityKernel } from '../../src/sim/wasm/activity-kernel.js';
import { wasm } from '../../src/sim/wasm/api.js';

/**
 * Every simulator the conformance suites run against (STYLE habit 6): a new simulator is one
 * entry here, and every generator test that iterates `SIMULATORS` covers it.
 * Port values are unsigned bigint bit patterns of the port's width.
 */
export interface SimulatorUnderTest {
  readonly name: string;
  /** Evaluates a combinational netlist on many vectors: `inputs[port][i]` is vector i. */
  evaluateBatch(
    netlist: Netlist,
    inputs: Readonly<Record<string, readonly bigint[]>>,
  ): Record<string, bigint[]>;
  /**
   * Runs a sequential netlist from reset, one input vector per cycle. For each cycle: apply
   * the inputs, settle, record the outputs, then clock every register once.
   */
  run(
    netlist: Netlist,
    cycles: readonly Readonly<Record<string, bigint>>[],
  ): Record<string, bigint>[];
}

const reference: SimulatorUnderTest = {
  name: 'reference',
  evaluateBatch(netlist, inputs) {
    const sim = new ReferenceSimulator(netlist);
    const count = Math.max(0, ...Object.values(inputs).map((v) => v.length));
    const out: Record<string, bigint[]> = {};
    for (const port of netlist.outputs) out[port.name] = [];
    for (let i = 0; i < count; i++) {
      const vector: Record<string, bigint> = {};
      for (const [name, values] of Object.entries(inputs)) vector[name] = values[i];
      sim.setInputs(vector);
      const o = sim.outputs();
      for (const port of netlist.outputs) out[port.name].push(o[port.name]);
    }
    return out;
  },
  run(netlist, cycles) {
    const sim = new ReferenceSimulator(netlist);
    return cycles.map((vector) => {
      sim.setInputs(vector);
      const o = sim.outputs();
      sim.step();
      return o;
    });
  },
};

/**
 * The compiled bit-parallel simulator (generated JavaScript, 32 lanes per word). Input ports
 * missing from `inputs` read 0, as in a freshly reset reference simulator.
 */
const compiled: SimulatorUnderTest = {
  name: 'compiled',
  evaluateBatch(netlist, inputs) {
    const count = Math.max(0, ...Object.values(inputs).map((v) => v.length));
    const full: Record<string, readonly bigint[]> = {};
    for (const port of netlist.inputs) {
      full[port.name] = inputs[port.name] ?? new Array<bigint>(count).fill(0n);
    }
    return compile(netlist).evaluateBigInt(full);
  },
  run(netlist, cycles) {
    return compile(netlist).runBigInt([cycles])[0];
  },
};

/**
 * The WebAssembly SIMD activity kernel the engine's gate backend runs every datapath through
 * (128 lanes per value, toggles counted in the same loop). Combinational batches go one vector
 * per lane, 128 lanes per group, one cycle; a sequential run is one group of as many cycles in
 * lane 0. Skipped (absent from the list) where the platform has no WebAssembly SIMD; a netlist too
 * large for the kernel (over V8's 50,000 locals per function) takes the engine's fallback.
 */
function laneRun(
  netlist: Netlist,
  cycles: readonly Readonly<Record<string, readonly bigint[]>>[],
  lanes: number,
): Record<string, bigint[]>[] {
  const ports = netlist.inputs.map((p) => p.name);
  const kernel = ActivityKernel.create(netlist, ports, []);
  if (!kernel) {
    // Too many nets for one WebAssembly function's locals: the engine then runs the netlist on
    // the compiled simulator, and so does this entry (the kernel itself is covered below that).
    if (cycles.length !== 1 || !wasm) throw new Error(`no activity kernel for ${netlist.name}`);
    return [compile(netlist).evaluateBigInt(cycles[0] as Record<string, readonly bigint[]>)];
  }
  const groups = Math.max(1, Math.ceil(lanes / 128));
  const views = kernel.layout(groups, cycles.length);
  const setBit = (view: Int32Array, value: number, lane: number) => {
    const word = value * 4 + (lane >> 5);
    view[word] |= 1 << (lane & 31);
  };
  for (let g = 0; g < groups; g++) {
    for (let lane = 0; lane < 128 && g * 128 + lane < lanes; lane++) setBit(views.masks, g, lane);
    cycles.forEach((cycle, t) => {
      let bit = 0;
      for (const port of netlist.inputs) {
        const values = cycle[port.name];
        for (let b = 0; b < port.bits.length; b++, bit++) {
          for (let lane = 0; lane < 128 && g * 128 + lane < lanes; lane++) {
            const v = values?.[g * 128 + lane] ?? 0n;
            if ((v >> BigInt(b)) & 1n)
              setBit(views.lane, (g * cycles.length + t) * kernel.laneBits + bit, lane);
          }
        }
      }
    });
  }
  views.run();
  return cycles.map((_, t) => {
    const out: Record<string, bigint[]> = {};
    let bit = 0;
    for (const port of netlist.outputs) {
      const values = Array.from({ length: lanes }, () => 0n);
      for (let b = 0; b < port.bits.length; b++, bit++) {
        for (let i = 0; i < lanes; i++) {
          const g = i >> 7;
          const lane = i & 127;
          const word = ((g * cycles.length + t) * kernel.outBits + bit) * 4 + (lane >> 5);
          if ((views.out[word] >>> (lane & 31)) & 1) values[i] |= 1n << BigInt(b);
        }
      }
      out[port.name] = values;
    }
    return out;
  });
}

const activityKernel: SimulatorUnderTest = {
  name: 'activity-kernel',
  evaluateBatch(netlist, inputs) {
    const count = Math.max(0, ...Object.values(inputs).map((v) => v.length));
    if (count === 0) return Object.fromEntries(netlist.outputs.map((p) => [p.name, []]));
    return laneRun(netlist, [inputs], count)[0];
  },
  run(netlist, cycles) {
    const perCycle = cycles.map((c) =>
      Object.fromEntries(Object.entries(c).map(([k, v]) => [k, [v]])),
    );
    return laneRun(netlist, perCycle, 1).map((o) =>
      Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v[0]])),
    );
  },
};

export const SIMULATORS: SimulatorUnderTest[] = [
  reference,
  compiled,
  ...(wasm ? [activityKernel] : []),
];
