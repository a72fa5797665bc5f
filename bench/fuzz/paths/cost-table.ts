import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { estimateOps } from '../../../src/cost/estimate-ops.js';
import { parseTable } from '../../../src/cost/tables.js';
import { fromRoot } from '../../../src/paths.js';
import type { FuzzPath } from '../harness.js';
import { type Edit, edits, mutateJson } from '../mutate.js';

/**
 * Cost tables (`--table FILE` of budget, infer, sweep, report): values mutated, a row or a
 * point duplicated, or a 100,000-deep array put in; an accepted table then prices 10^9 of
 * every op at 1, 8 and 32 bits, and every total must be finite.
 */
const BASES = ['asic-45nm-horowitz', 'fpga-xilinx-7series', 'asic-40nm-aladdin'].map((n) =>
  JSON.parse(readFileSync(fromRoot('cost-tables', `${n}.json`), 'utf8')),
);
const EXTRA = ['none', 'duplicate-row', 'duplicate-point', 'deep'] as const;
const OPS = ['add', 'sub', 'abs', 'xnor', 'popcount', 'mul', 'cmp', 'sram-read'] as const;

const costTable: FuzzPath<[number, Edit[], (typeof EXTRA)[number]]> = {
  name: 'cost table',
  runs: 400,
  input: fc.tuple(fc.nat(BASES.length - 1), edits, fc.constantFrom(...EXTRA)),
  feed: ([base, es, how]) => {
    const t = structuredClone(BASES[base]);
    for (const [pick, value, remove] of es) mutateJson(t, pick, value, remove);
    if (how === 'duplicate-row' && Array.isArray(t.ops)) t.ops.push(t.ops[0]);
    if (how === 'duplicate-point' && Array.isArray(t.ops?.[0]?.points)) {
      t.ops[0].points.push(t.ops[0].points[0]);
    }
    let text = JSON.stringify(t);
    if (how === 'deep') text = text.replace('[', `[${'['.repeat(100_000)}${']'.repeat(100_000)},`);
    return {
      names: 'fuzz-table.json',
      call: () => {
        const table = parseTable(text, 'fuzz-table.json');
        const ops = [1, 8, 32].flatMap((bits) => OPS.map((op) => ({ op, bits, count: 1e9 })));
        try {
          const est = estimateOps(table, ops);
          return {
            energyPj: est.energyPj,
            areaUm2: est.areaUm2,
            resources: est.resources,
            items: est.items,
          };
        } catch (err) {
          // A table that prices fewer ops says so naming itself: the file itself was accepted.
          if ((err as Error).message.includes(`table ${table.name}`)) return undefined;
          throw err;
        }
      },
    };
  },
};

export const paths = [costTable] as FuzzPath[];
