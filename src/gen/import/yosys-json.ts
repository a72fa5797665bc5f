import { InputError, show } from '../../errors.js';
import type { Cell, Net, Netlist, Port, Register } from '../../ir/netlist.js';
import { validateNetlist } from '../../ir/validate.js';
import { FLIP_FLOP_CELL, GATE_CELLS } from './cells.js';

/**
 * Reads a yosys JSON netlist (`write_json`) into the IR, treating the text as hostile: every
 * field is type-checked, bit ids must be integers (constants "0"/"1" only where a value is
 * read), nothing may be driven twice, and the result must pass `validateNetlist` (no undriven
 * nets, no combinational cycles). Errors are one line, prefixed with the source name.
 *
 * Module: `top`, else the only one, else the one yosys marked as top.
 * Ports: `inputs` and `outputs` name the ports to keep, in that order; other output ports are
 * dropped, and any other input port is refused unless it is the clock of the flip-flops (one
 * 1-bit input feeding only `C` pins), which becomes the IR's implicit clock. Flip-flops start
 * at 0 (yosys `init` attributes are not read).
 */

export interface YosysImportOptions {
  /** Module to read; default: the only module in the file. */
  readonly top?: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  /** Ports read as two's complement. A port the netlist declares signed requires it. */
  readonly signed: boolean;
}

/** Limits that keep a hostile file from exhausting memory before it is refused. */
const MAX_BITS_PER_PORT = 4096;
const MAX_CELLS = 2_000_000;
const MAX_BIT_ID = 2 ** 31 - 1;

/** Names printed as they are; others (control characters, very long) appear JSON-quoted. */
const PRINTABLE = /^[!-~]{1,256}$/;
const label = (name: string): string => (PRINTABLE.test(name) ? name : JSON.stringify(name));

type Json = unknown;
type Bit = number | '0' | '1';

export function netlistFromYosysJson(
  text: string,
  source: string,
  options: YosysImportOptions,
): Netlist {
  const fail = (message: string): never => {
    throw new InputError(`${source}: ${message}`);
  };
  let root: Json;
  try {
    root = JSON.parse(text);
  } catch (e) {
    return fail(`is not valid JSON (${(e as Error).message})`);
  }
  const modules = record(record(root, 'the top level', fail).modules, 'modules', fail);
  const names = Object.keys(modules);
  const top = options.top ?? defaultTop(modules, names);
  if (top === undefined)
    fail(
      `holds ${names.length} modules (${names.slice(0, 8).map(label).join(', ')}); name one with --top`,
    );
  if (!Object.hasOwn(modules, top as string))
    fail(`has no module ${show(top)}; it has ${names.slice(0, 8).map(label).join(', ') || 'none'}`);
  if (!PRINTABLE.test(top as string))
    fail(`module name must be 1 to 256 printable characters, not ${show(top)}`);
  const mod = record(modules[top as string], `module ${top}`, fail);
  const ports = readPorts(record(mod.ports, `module ${top} ports`, fail), fail);
  const cellsJson = record(mod.cells ?? {}, `module ${top} cells`, fail);
  const cellNames = Object.keys(cellsJson);
  if (cellNames.length > MAX_CELLS) fail(`has ${cellNames.length} cells, more than ${MAX_CELLS}`);

  const ids = new Map<number, Net>();
  const driven = new Set<number>();
  let next = 2;
  const netOf = (bit: Bit): Net => {
    if (bit === '0') return 0;
    if (bit === '1') return 1;
    let net = ids.get(bit);
    if (net === undefined) {
      net = next++;
      ids.set(bit, net);
    }
    return net;
  };
  const drive = (bit: Bit, where: string): Net => {
    if (typeof bit !== 'number') return fail(`${where} drives the constant ${bit}`);
    if (driven.has(bit)) fail(`${where}: net ${bit} is driven twice`);
    driven.add(bit);
    return netOf(bit);
  };

  const portByName = new Map(ports.map((p) => [p.name, p]));
  const pick = (name: string, direction: string): PortJson => {
    const port = portByName.get(name);
    if (port === undefined || port.direction !== direction)
      fail(
        `has no ${direction} port ${name} (--ports); its ports are ${ports.map((p) => `${label(p.name)} (${p.direction})`).join(', ')}`,
      );
    if (port!.signed && !options.signed)
      fail(`port ${name} is declared signed; read it with --signed`);
    return port!;
  };
  const inputs: Port[] = options.inputs.map((name) => {
    const port = pick(name, 'input');
    return {
      name,
      bits: port.bits.map((bit, i) => drive(bit, `input ${name}[${i}]`)),
      signed: options.signed,
    };
  });

  const flops = cellNames.filter(
    (name) => (cellsJson[name] as { type?: unknown })?.type === FLIP_FLOP_CELL,
  );
  const clock = clockPort(flops, cellsJson, ports, options.inputs, fail);
  for (const port of ports) {
    if (
      port.direction === 'input' &&
      !options.inputs.includes(port.name) &&
      port.name !== clock?.name
    )
      fail(
        `has input port ${label(port.name)}, which --ports does not name (operands: ${options.inputs.join(', ')})`,
      );
  }
  const clockBit = clock?.bits[0];

  const cells: Cell[] = [];
  const registers: { d: Bit; q: Net }[] = [];
  const pending: { kind: Cell['kind']; pins: Bit[]; inverted: number; out: Net }[] = [];
  for (const key of cellNames) {
    const name = label(key);
    const cell = record(cellsJson[key], `cell ${name}`, fail);
    const type = cell.type;
    if (typeof type !== 'string') fail(`cell ${name} has no type string`);
    const connections = record(cell.connections, `cell ${name} connections`, fail);
    const pin = (p: string): Bit => {
      const bits = connections[p];
      if (!Array.isArray(bits) || bits.length !== 1)
        fail(`cell ${name} (${type}): pin ${p} must connect one bit, not ${show(bits)}`);
      return readBit((bits as Json[])[0], `cell ${name} (${type}) pin ${p}`, fail);
    };
    if (type === FLIP_FLOP_CELL) {
      pin('C');
      registers.push({ d: pin('D'), q: drive(pin('Q'), `cell ${name}`) });
      continue;
    }
    const gate = GATE_CELLS[type as string];
    if (gate === undefined || !Object.hasOwn(GATE_CELLS, type as string))
      fail(
        `cell ${name} has type ${type}, which has no gate in addersim's cell set (give the Verilog file to have yosys map it to gates)`,
      );
    const pins = gate.pins.map(pin);
    pending.push({
      kind: gate.kind,
      pins,
      inverted: gate.inverted === undefined ? -1 : gate.pins.indexOf(gate.inverted),
      out: drive(pin('Y'), `cell ${name}`),
    });
  }
  const use = (bit: Bit, where: string): Net => {
    if (clockBit !== undefined && bit === clockBit) fail(`${where} reads the clock ${clock!.name}`);
    return netOf(bit);
  };
  for (const c of pending) {
    const ins = c.pins.map((bit) => use(bit, `a ${c.kind} cell`));
    if (c.inverted >= 0) {
      const inverted = next++;
      cells.push({ kind: 'not', inputs: [ins[c.inverted]], outputs: [inverted] });
      ins[c.inverted] = inverted;
    }
    cells.push({ kind: c.kind, inputs: ins, outputs: [c.out] });
  }
  const regs: Register[] = registers.map((r) => ({
    d: use(r.d, 'a flip-flop D pin'),
    q: r.q,
    init: 0,
  }));
  const outputs: Port[] = options.outputs.map((name) => ({
    name,
    bits: pick(name, 'output').bits.map((bit) => use(bit, `output ${name}`)),
    signed: options.signed,
  }));
  const netlist: Netlist = {
    name: top as string,
    netCount: next,
    inputs,
    outputs,
    cells,
    registers: regs,
    params: { source: 'yosys-json' },
  };
  const problems = validateNetlist(netlist);
  if (problems.length > 0)
    fail(
      `is not a valid netlist: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : ''}`,
    );
  return netlist;
}

interface PortJson {
  readonly name: string;
  readonly direction: string;
  readonly bits: readonly Bit[];
  readonly signed: boolean;
}

function readPorts(ports: Record<string, Json>, fail: (m: string) => never): PortJson[] {
  return Object.keys(ports).map((key) => {
    const name = label(key);
    const port = record(ports[key], `port ${name}`, fail);
    const direction = port.direction;
    if (direction !== 'input' && direction !== 'output')
      fail(`port ${name} must have direction input or output, not ${show(direction)}`);
    if (!Array.isArray(port.bits) || port.bits.length < 1 || port.bits.length > MAX_BITS_PER_PORT)
      fail(
        `port ${name} must have 1 to ${MAX_BITS_PER_PORT} bits, not ${show(Array.isArray(port.bits) ? port.bits.length : port.bits)}`,
      );
    if (port.signed !== undefined && port.signed !== 0 && port.signed !== 1)
      fail(`port ${name}: signed must be 0 or 1, not ${show(port.signed)}`);
    const bits = (port.bits as Json[]).map((b, i) => readBit(b, `port ${name}[${i}]`, fail));
    if (direction === 'input' && bits.some((b) => typeof b !== 'number'))
      fail(`input port ${name} has a constant bit`);
    return { name: key, direction: direction as string, bits, signed: port.signed === 1 };
  });
}

/** The 1-bit input port every flip-flop's C pin reads, when there are flip-flops. */
function clockPort(
  flops: readonly string[],
  cells: Record<string, Json>,
  ports: readonly PortJson[],
  operands: readonly string[],
  fail: (m: string) => never,
): PortJson | undefined {
  if (flops.length === 0) return undefined;
  const bits = new Set(
    flops.map((name) => {
      const c = (cells[name] as { connections?: { C?: unknown } }).connections?.C;
      return Array.isArray(c) && c.length === 1 ? c[0] : undefined;
    }),
  );
  const [bit] = [...bits];
  const port = ports.find(
    (p) => p.direction === 'input' && p.bits.length === 1 && p.bits[0] === bit,
  );
  if (bits.size !== 1 || port === undefined || operands.includes(port.name))
    fail('flip-flops must all be clocked by one 1-bit input port that is not an operand');
  return port;
}

function readBit(value: Json, where: string, fail: (m: string) => never): Bit {
  if (value === '0' || value === '1') return value;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 2 && value <= MAX_BIT_ID)
    return value;
  if (value === 'x' || value === 'z')
    return fail(
      `${where} is ${value === 'x' ? 'undefined (x)' : 'floating (z)'}; every bit must be driven`,
    );
  return fail(`${where} must be a net id from 2 to ${MAX_BIT_ID} or "0"/"1", not ${show(value)}`);
}

/** The only module, or the one yosys marked as top (attribute `top`), else undefined. */
function defaultTop(modules: Record<string, Json>, names: readonly string[]): string | undefined {
  if (names.length === 1) return names[0];
  const marked = names.filter((name) => {
    const attributes = (modules[name] as { attributes?: { top?: unknown } } | null)?.attributes;
    return typeof attributes?.top === 'string' && /1/.test(attributes.top);
  });
  return marked.length === 1 ? marked[0] : undefined;
}

function record(value: Json, what: string, fail: (m: string) => never): Record<string, Json> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(`${what} must be a JSON object, not ${Array.isArray(value) ? 'an array' : show(value)}`);
  return value as Record<string, Json>;
}
