import { wrapBigInt } from '../bits/raw.js';
import { CELL_SEMANTICS } from '../ir/gates.js';
import type { Netlist } from '../ir/netlist.js';
import { assertValidNetlist, combinationalOrder } from '../ir/validate.js';

/**
 * The reference simulator: the spec every other simulator is tested against. Scalar (one
 * input vector per step), cycle by cycle, evaluating `CELL_SEMANTICS` in topological order.
 * Port values are unsigned bigint bit patterns of the port's width; read signed ports with
 * `wrapBigInt(v, width, true)` of the bits module when needed.
 */
export class ReferenceSimulator {
  private readonly values: Uint8Array;
  private readonly order: number[];

  constructor(readonly netlist: Netlist) {
    assertValidNetlist(netlist);
    this.values = new Uint8Array(netlist.netCount);
    this.order = combinationalOrder(netlist) ?? [];
    this.reset();
  }

  /** Registers back to their init values; inputs to 0. */
  reset(): void {
    this.values.fill(0);
    this.values[1] = 1;
    for (const r of this.netlist.registers) this.values[r.q] = r.init;
  }

  /** Sets input ports (missing ports keep their value) and settles the combinational logic. */
  setInputs(inputs: Readonly<Record<string, bigint>>): void {
    for (const port of this.netlist.inputs) {
      const v = inputs[port.name];
      if (v === undefined) continue;
      const bits = wrapBigInt(v, port.bits.length, false);
      port.bits.forEach((net, i) => {
        this.values[net] = Number((bits >> BigInt(i)) & 1n);
      });
    }
    this.settle();
  }

  private settle(): void {
    const v = this.values;
    for (const ci of this.order) {
      const cell = this.netlist.cells[ci];
      const out = CELL_SEMANTICS[cell.kind](...cell.inputs.map((x) => v[x]));
      cell.outputs.forEach((o, k) => {
        v[o] = out[k] & 1;
      });
    }
  }

  /** Output port values (unsigned bit patterns) after the last settle. */
  outputs(): Record<string, bigint> {
    const result: Record<string, bigint> = {};
    for (const port of this.netlist.outputs) result[port.name] = this.read(port.bits);
    return result;
  }

  /** One clock edge: every register takes its d, then the logic settles again. */
  step(): void {
    const next = this.netlist.registers.map((r) => this.values[r.d]);
    this.netlist.registers.forEach((r, i) => {
      this.values[r.q] = next[i];
    });
    this.settle();
  }

  /** Value of one net (0 or 1) after the last settle: for toggle counting and waveforms. */
  net(id: number): number {
    return this.values[id];
  }

  private read(bits: readonly number[]): bigint {
    let x = 0n;
    for (let i = bits.length - 1; i >= 0; i--) x = (x << 1n) | BigInt(this.values[bits[i]]);
    return x;
  }
}

/** Evaluates a purely combinational netlist once: inputs in, outputs out. */
export function evaluate(
  netlist: Netlist,
  inputs: Readonly<Record<string, bigint>>,
): Record<string, bigint> {
  const sim = new ReferenceSimulator(netlist);
  sim.setInputs(inputs);
  return sim.outputs();
}
