import type { Netlist, Port } from '../ir/netlist.js';
import { moduleName } from './names.js';
import { type TestVector, toTestbench } from './testbench.js';
import { toVerilog } from './verilog.js';

/** One exported model: its netlist, a one-line description and the testbench vectors. */
export interface RtlModel {
  readonly netlist: Netlist;
  readonly describe: string;
  readonly vectors: readonly TestVector[];
}

export interface RtlFile {
  /** File name inside the output folder. */
  readonly name: string;
  readonly content: string;
}

/**
 * The files of an exported model folder: `<module>.v` and `<module>_tb.v` per model, plus a
 * README.md listing them. Pure: the caller writes the files (atomically), and the same models
 * give byte-identical files (no dates, no machine details).
 */
export function rtlModelFiles(models: readonly RtlModel[], title: string): RtlFile[] {
  const files: RtlFile[] = [];
  const seen = new Set<string>();
  for (const m of models) {
    const name = moduleName(m.netlist);
    if (seen.has(name)) throw new Error(`two models export the module name ${name}`);
    seen.add(name);
    files.push({ name: `${name}.v`, content: toVerilog(m.netlist) });
    files.push({ name: `${name}_tb.v`, content: toTestbench(m.netlist, m.vectors) });
  }
  files.push({ name: 'README.md', content: readme(models, title) });
  return files;
}

function readme(models: readonly RtlModel[], title: string): string {
  const rows = models.map((m) => {
    const n = m.netlist;
    const name = moduleName(n);
    const ports = (list: readonly Port[]) =>
      list
        .map((p) => (p.bits.length === 1 ? p.name : `${p.name}[${p.bits.length - 1}:0]`))
        .join(', ');
    return `| \`${name}.v\` | ${m.describe} | ${ports(n.inputs)} | ${ports(n.outputs)} | ${n.cells.length} | ${n.registers.length} | ${m.vectors.length} |`;
  });
  return [
    `# ${title}`,
    '',
    'Structural Verilog-2005 exported by `addersim rtl` from the netlists the simulator runs, each',
    "with a self-checking testbench `<module>_tb.v` whose expected outputs come from addersim's",
    'simulator (corner values, then seeded random vectors; sequential models cycle by cycle from',
    'reset). Regenerate with `addersim rtl --out rtl-models`: the files are byte-identical on rerun.',
    '',
    'Conventions: buses are `[width-1:0]`, bit 0 least significant. One netlist cell is one Verilog',
    'instance `g<index>`; internal nets are `n<net id>`. Gates are Verilog primitives; full adders,',
    'half adders and 2:1 multiplexers are the small submodules `addersim_fa`, `addersim_ha`,',
    '`addersim_mux2` at the end of each file. Sequential models have `clk` (registers update on its',
    "rising edge) and `rst` (synchronous, active high: loads every register's initial value).",
    '',
    'Run one testbench with Icarus Verilog (the last line printed is `PASS <n> FAIL <m>`):',
    '',
    '```sh',
    'iverilog -g2005 -o tb.vvp kogge_stone_8.v kogge_stone_8_tb.v && vvp tb.vvp',
    '```',
    '',
    'Synthesize one with yosys:',
    '',
    '```sh',
    "yosys -p 'read_verilog kogge_stone_8.v; synth -flatten -top kogge_stone_8; stat'",
    '```',
    '',
    '| file | model | inputs | outputs | cells | registers | test vectors |',
    '|---|---|---|---|---:|---:|---:|',
    ...rows,
    '',
  ].join('\n');
}
