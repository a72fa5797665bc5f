import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatTable } from '../../src/cli/output.js';
import { buildAbsDiff } from '../../src/gen/absdiff/index.js';
import { ADDER_ARCHS, buildAdder } from '../../src/gen/adders/index.js';
import { buildMultiplier } from '../../src/gen/multipliers/index.js';
import { buildAdderPe, buildMacPe, buildXnorPe } from '../../src/gen/pe/index.js';
import { buildSubtractor } from '../../src/gen/subtract/index.js';
import { expandMacros } from '../../src/ir/expand.js';
import type { Netlist } from '../../src/ir/netlist.js';
import { moduleName } from '../../src/rtl/names.js';
import { toVerilog } from '../../src/rtl/verilog.js';
import { allTools, run, tempDir, toolTitle } from './tools.js';

interface YosysStat {
  modules: Record<string, { num_cells: number; num_cells_by_type: Record<string, number> }>;
}

const tmp = tempDir('yosys-stat');
afterAll(() => tmp.cleanup());

/** The exported models (as in rtl-models/) plus one of each other datapath kind at 8 bits. */
function netlists(): Netlist[] {
  return [
    ...[8, 16].flatMap((w) => ADDER_ARCHS.map((arch) => buildAdder(arch, w))),
    buildSubtractor('ripple-carry', 8),
    buildAbsDiff('sub-negate', 8, { signed: false, adder: 'ripple-carry' }),
    buildMultiplier({ width: 8, arch: 'array' }),
    buildMultiplier({ width: 8, arch: 'booth-dadda' }),
    buildAdderPe({ width: 8 }),
    buildMacPe({ width: 8 }),
    buildXnorPe({ width: 8 }),
  ];
}

describe.skipIf(!allTools('yosys'))(
  toolTitle('yosys synth + stat cell counts next to ours', 'yosys'),
  () => {
    it('synthesizes every exported netlist and keeps every register', () => {
      const list = netlists();
      const script = list
        .map((n) => {
          const m = moduleName(n);
          writeFileSync(join(tmp.dir, `${m}.v`), toVerilog(n));
          return [
            'verilog_defines -reset',
            `read_verilog ${m}.v`,
            `synth -flatten -top ${m}`,
            `tee -q -o ${m}.json stat -json`,
            'design -reset',
          ].join('\n');
        })
        .join('\n');
      writeFileSync(join(tmp.dir, 'stat.ys'), script);
      const result = run('yosys', ['-q', '-s', 'stat.ys'], tmp.dir);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);

      const rows: (string | number)[][] = [
        [
          'netlist',
          'our cells',
          'our gates (fa, ha expanded)',
          'our registers',
          'yosys cells',
          'yosys flip-flops',
        ],
      ];
      for (const n of list) {
        const m = moduleName(n);
        const stat = JSON.parse(readFileSync(join(tmp.dir, `${m}.json`), 'utf8')) as YosysStat;
        const mod = stat.modules[`\\${m}`];
        const flops = Object.entries(mod.num_cells_by_type)
          .filter(([type]) => /DFF/.test(type))
          .reduce((s, [, count]) => s + count, 0);
        rows.push([
          n.name,
          n.cells.length,
          expandMacros(n).cells.length,
          n.registers.length,
          mod.num_cells,
          flops,
        ]);
        expect({ netlist: n.name, flops }).toEqual({ netlist: n.name, flops: n.registers.length });
        expect(mod.num_cells).toBeGreaterThan(0);
      }
      console.log(
        `Cell counts: ours (netlist IR) and yosys 'synth -flatten' (its internal gate library,\nafter its own optimisation, so the numbers differ by design):\n${formatTable(rows)}`,
      );
    });
  },
);
