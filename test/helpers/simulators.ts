import type { Netlist } from '../../src/ir/netlist.js';
import { compile } from '../../src/sim/compiled.js';
import { ReferenceSimulator } from '../../src/sim/reference.js';

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

export const SIMULATORS: SimulatorUnderTest[] = [reference, compiled];
