import type { Netlist } from '../../src/ir/netlist.js';
import { moduleName } from '../../src/rtl/names.js';
import { toVerilog } from '../../src/rtl/verilog.js';

/**
 * One equivalence problem for yosys: the exported gate-level module (possibly wrapped) and a
 * behavioural golden module `gold` with the same ports, written from the textbook definition
 * (`a + b + cin`, `a - b`, `a * b`) and never from the generator.
 */
export interface EquivCase {
  readonly name: string;
  /** Verilog of the gate side: the exported module, plus a wrapper when `top` differs. */
  readonly gate: string;
  /** Top module of the gate side. */
  readonly top: string;
  readonly gold: string;
}

const vec = (w: number) => `[${w - 1}:0]`;

export function adderCase(netlist: Netlist, w: number): EquivCase {
  return direct(
    netlist,
    `module gold(input ${vec(w)} a, input ${vec(w)} b, input cin, output ${vec(w)} sum, output cout);
  wire ${vec(w + 1)} total = a + b + cin;
  assign sum = total${vec(w)};
  assign cout = total[${w}];
endmodule
`,
  );
}

/** diff = a - b; cout = no borrow (a >= b unsigned); overflow = signed overflow of a - b. */
export function subtractorCase(netlist: Netlist, w: number): EquivCase {
  return direct(
    netlist,
    `module gold(input ${vec(w)} a, input ${vec(w)} b, output ${vec(w)} diff, output cout, output overflow);
  assign diff = a - b;
  assign cout = a >= b;
  assign overflow = (a[${w - 1}] != b[${w - 1}]) && (diff[${w - 1}] != a[${w - 1}]);
endmodule
`,
  );
}

/**
 * |a - b| as a w-bit unsigned magnitude. The folded variant (`plus_one`) is checked through a
 * wrapper that adds the deferred +1: diff + plus_one must equal |a - b|.
 */
export function absDiffCase(
  netlist: Netlist,
  w: number,
  signed: boolean,
  folded: boolean,
): EquivCase {
  const ge = signed ? '$signed(a) >= $signed(b)' : 'a >= b';
  const magnitude = `wire ${vec(w)} m = (${ge}) ? a - b : b - a;`;
  if (!folded) {
    return direct(
      netlist,
      `module gold(input ${vec(w)} a, input ${vec(w)} b, output ${vec(w)} diff);
  ${magnitude}
  assign diff = m;
endmodule
`,
    );
  }
  const inner = moduleName(netlist);
  const gate = `${toVerilog(netlist)}
module gate_top(input ${vec(w)} a, input ${vec(w)} b, output ${vec(w + 1)} abs);
  wire ${vec(w)} d;
  wire p;
  ${inner} u (.a(a), .b(b), .diff(d), .plus_one(p));
  assign abs = {1'b0, d} + p;
endmodule
`;
  const gold = `module gold(input ${vec(w)} a, input ${vec(w)} b, output ${vec(w + 1)} abs);
  ${magnitude}
  assign abs = {1'b0, m};
endmodule
`;
  return { name: netlist.name, gate, top: 'gate_top', gold };
}

export function multiplierCase(netlist: Netlist, w: number, signed: boolean): EquivCase {
  const product = signed ? '$signed(a) * $signed(b)' : 'a * b';
  return direct(
    netlist,
    `module gold(input ${vec(w)} a, input ${vec(w)} b, output ${vec(2 * w)} product);
  assign product = ${product};
endmodule
`,
  );
}

function direct(netlist: Netlist, gold: string): EquivCase {
  return { name: netlist.name, gate: toVerilog(netlist), top: moduleName(netlist), gold };
}

/**
 * One yosys script proving every case in turn (flatten, miter, SAT). yosys stops at the first
 * failing proof; the `EQUIV <name>` markers in its log tell which case that was.
 */
export function equivScript(
  cases: readonly EquivCase[],
  file: (i: number, side: string) => string,
): string {
  return cases
    .map((c, i) =>
      [
        `log EQUIV ${c.name}`,
        'verilog_defines -reset',
        `read_verilog ${file(i, 'gate')}`,
        `read_verilog ${file(i, 'gold')}`,
        'proc',
        `miter -equiv -flatten -make_assert gold ${c.top} miter`,
        'hierarchy -top miter',
        'sat -verify -prove-asserts miter',
        'design -reset',
      ].join('\n'),
    )
    .concat(['log EQUIV_ALL_PROVED', ''])
    .join('\n');
}
