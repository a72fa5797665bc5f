import { wrapBigInt } from '../bits/raw.js';
import type { Netlist, Port } from '../ir/netlist.js';

/**
 * Verilog names of netlist things, shared by the module writer, the testbench writer and the VCD
 * writer so that a net is called the same everywhere (`n42` in the module is `n42` in GTKWave).
 *
 * - module: the netlist name with every character outside [A-Za-z0-9_] replaced by `_`
 *   (`kogge-stone-8` -> `kogge_stone_8`), prefixed with `m_` if it would start with a digit;
 * - ports keep their netlist names (`a`, `b`, `cin`, `sum`); a name that is not a plain
 *   identifier, or is a Verilog keyword, is refused rather than silently renamed;
 * - internal nets are `n<id>` (the IR net id), cell instances `g<index>` (the IR cell index);
 * - sequential modules get two extra inputs, `clk` and `rst`.
 */
export function moduleName(netlist: Netlist): string {
  const name = netlist.name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(name) ? name : `m_${name}`;
}

/** The clock and reset ports every sequential module gets. */
export const CLOCK = 'clk';
export const RESET = 'rst';

const KEYWORDS = new Set(
  (
    'always and assign automatic begin buf bufif0 bufif1 case casex casez cell cmos config ' +
    'deassign default defparam design disable edge else end endcase endconfig endfunction ' +
    'endgenerate endmodule endprimitive endspecify endtable endtask event for force forever ' +
    'fork function generate genvar highz0 highz1 if ifnone incdir include initial inout input ' +
    'instance integer join large liblist library localparam macromodule medium module nand ' +
    'negedge nmos nor noshowcancelled not notif0 notif1 or output parameter pmos posedge ' +
    'primitive pull0 pull1 pulldown pullup pulsestyle_onevent pulsestyle_ondetect rcmos real ' +
    'realtime reg release repeat rnmos rpmos rtran rtranif0 rtranif1 scalared showcancelled ' +
    'signed small specify specparam strong0 strong1 supply0 supply1 table task time tran ' +
    'tranif0 tranif1 tri tri0 tri1 triand trior trireg unsigned use uwire vectored wait wand ' +
    'weak0 weak1 while wire wor xnor xor'
  ).split(' '),
);

/**
 * Throws when a port name cannot be used as is: not an identifier, a keyword, or clashing with
 * the generated names (`n<digits>`, `g<digits>`, `clk`/`rst` of sequential modules, `tb_*`).
 */
export function checkPortNames(netlist: Netlist): void {
  const sequential = netlist.registers.length > 0;
  for (const port of [...netlist.inputs, ...netlist.outputs]) {
    const n = port.name;
    let problem: string | undefined;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(n)) problem = 'is not a Verilog identifier';
    else if (KEYWORDS.has(n)) problem = 'is a Verilog keyword';
    else if (/^[ng][0-9]+$/.test(n) || n.startsWith('tb_'))
      problem = 'clashes with generated names';
    else if (sequential && (n === CLOCK || n === RESET))
      problem = 'clashes with the clock/reset port';
    if (problem) throw new Error(`netlist ${netlist.name}: port name ${n} ${problem}`);
  }
}

/** How a port is declared: `[7:0] a` or `a` for one bit. */
export function declaration(port: Port): string {
  const w = port.bits.length;
  return w === 1 ? port.name : `[${w - 1}:0] ${port.name}`;
}

/** Bit i of a port as a Verilog expression: `a[3]`, or `cin` for a one-bit port. */
export function portBit(port: Port, i: number): string {
  return port.bits.length === 1 ? port.name : `${port.name}[${i}]`;
}

/** A Verilog literal of `width` bits: `8'h2a`. */
export function literal(width: number, value: bigint): string {
  return `${width}'h${wrapBigInt(value, width, false).toString(16)}`;
}
