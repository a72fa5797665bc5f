import { InputError } from '../errors.js';
import { CELL_ARITY, type CellKind } from './gates.js';
import {
  type Bus,
  type Cell,
  NET_ONE,
  NET_ZERO,
  type Net,
  type Netlist,
  type Port,
  type Register,
} from './netlist.js';

/**
 * Builds one netlist. Pass it explicitly to every generator: there is no global current
 * circuit. The builder does not fold constants: a gate with a constant input stays a gate, so
 * cell counts match the generator's documented formula.
 */
export class NetlistBuilder {
  private nextNet = 2;
  private readonly cells: Cell[] = [];
  private readonly registers: Register[] = [];
  private readonly pendingRegisters = new Map<Net, { init: 0 | 1; d?: Net }>();
  private readonly inputs: Port[] = [];
  private readonly outputs: Port[] = [];
  private readonly portNames = new Set<string>();

  constructor(
    readonly name: string,
    private readonly params: Record<string, string | number | boolean> = {},
  ) {}

  get zero(): Net {
    return NET_ZERO;
  }
  get one(): Net {
    return NET_ONE;
  }

  /** A bus of constant nets holding `value` (two's complement, LSB first). */
  constant(value: bigint, width: number): Bus {
    const bits: Net[] = [];
    for (let i = 0; i < width; i++) bits.push((value >> BigInt(i)) & 1n ? NET_ONE : NET_ZERO);
    return bits;
  }

  private fresh(): Net {
    return this.nextNet++;
  }

  private claimPort(name: string): void {
    if (this.portNames.has(name)) throw new InputError(`port name ${name} is used twice`);
    this.portNames.add(name);
  }

  /** A new input port of `width` bits. */
  input(name: string, width: number, options: { signed?: boolean; doc?: string } = {}): Bus {
    this.claimPort(name);
    const bits = Array.from({ length: width }, () => this.fresh());
    this.inputs.push({ name, bits, ...options });
    return bits;
  }

  /** Marks `bits` as an output port. Output bits may be any nets, constants included. */
  output(name: string, bits: Bus, options: { signed?: boolean; doc?: string } = {}): void {
    this.claimPort(name);
    this.outputs.push({ name, bits: [...bits], ...options });
  }

  /** Adds a cell of any kind and returns its output nets. */
  cell(kind: CellKind, ...inputs: Net[]): Net[] {
    const arity = CELL_ARITY[kind];
    if (inputs.length !== arity.inputs) {
      throw new Error(`${kind} takes ${arity.inputs} inputs, not ${inputs.length}`);
    }
    const outputs = Array.from({ length: arity.outputs }, () => this.fresh());
    this.cells.push({ kind, inputs, outputs });
    return outputs;
  }

  and(a: Net, b: Net): Net {
    return this.cell('and', a, b)[0];
  }
  or(a: Net, b: Net): Net {
    return this.cell('or', a, b)[0];
  }
  xor(a: Net, b: Net): Net {
    return this.cell('xor', a, b)[0];
  }
  nand(a: Net, b: Net): Net {
    return this.cell('nand', a, b)[0];
  }
  nor(a: Net, b: Net): Net {
    return this.cell('nor', a, b)[0];
  }
  xnor(a: Net, b: Net): Net {
    return this.cell('xnor', a, b)[0];
  }
  not(a: Net): Net {
    return this.cell('not', a)[0];
  }
  buf(a: Net): Net {
    return this.cell('buf', a)[0];
  }
  /** sel ? d1 : d0 */
  mux(sel: Net, d0: Net, d1: Net): Net {
    return this.cell('mux2', sel, d0, d1)[0];
  }
  /** Full adder macro: [sum, cout]. */
  fa(a: Net, b: Net, c: Net): [Net, Net] {
    const [s, co] = this.cell('fa', a, b, c);
    return [s, co];
  }
  /** Half adder macro: [sum, cout]. */
  ha(a: Net, b: Net): [Net, Net] {
    const [s, co] = this.cell('ha', a, b);
    return [s, co];
  }

  /** A register whose input is already known: returns its output q. */
  register(d: Net, init: 0 | 1 = 0): Net {
    const q = this.fresh();
    this.registers.push({ d, q, init });
    return q;
  }

  /**
   * A register whose input is driven later (feedback loops such as an accumulator): returns
   * q now; call `drive(d)` once the next-state net exists.
   */
  registerLater(init: 0 | 1 = 0): { q: Net; drive(d: Net): void } {
    const q = this.fresh();
    const slot: { init: 0 | 1; d?: Net } = { init };
    this.pendingRegisters.set(q, slot);
    return {
      q,
      drive: (d: Net) => {
        if (slot.d !== undefined) throw new Error(`register ${q} is driven twice`);
        slot.d = d;
      },
    };
  }

  /** One register per bit of `d`; `init` gives the reset value, bit i for register i. */
  registerBus(d: Bus, init = 0n): Net[] {
    return d.map((net, i) => this.register(net, ((init >> BigInt(i)) & 1n) === 1n ? 1 : 0));
  }

  build(): Netlist {
    const registers = [...this.registers];
    for (const [q, slot] of this.pendingRegisters) {
      if (slot.d === undefined) throw new Error(`register ${q} was never driven`);
      registers.push({ d: slot.d, q, init: slot.init });
    }
    return {
      name: this.name,
      netCount: this.nextNet,
      inputs: [...this.inputs],
      outputs: [...this.outputs],
      cells: [...this.cells],
      registers,
      params: { ...this.params },
    };
  }
}
