import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Netlist } from '../../src/ir/netlist.js';
import { fromRoot } from '../../src/paths.js';
import { toTestbench } from '../../src/rtl/testbench.js';
import { toVerilog } from '../../src/rtl/verilog.js';
import { testVectors } from '../../src/sim/test-vectors.js';
import { randomNetlist } from '../sim/random-netlist.js';
import { allTools, run, tempDir, toolTitle } from './tools.js';

const TOOLS = ['iverilog', 'vvp'];
const models = fromRoot('rtl-models');

/** Compiles a model and its testbench with Icarus Verilog and runs it: the PASS/FAIL line. */
function simulate(dir: string, model: string, testbench: string): { pass: number; fail: number } {
  const out = join(dir, 'tb.vvp');
  const compiled = run('iverilog', ['-g2005', '-o', out, model, testbench], dir);
  expect(compiled.stderr).toBe('');
  expect(compiled.status).toBe(0);
  const sim = run('vvp', ['-n', out], dir);
  expect(sim.status).toBe(0);
  const last = /PASS (\d+) FAIL (\d+)\s*$/.exec(sim.stdout);
  if (!last) throw new Error(`no PASS/FAIL line in:\n${sim.stdout.slice(-2000)}`);
  return { pass: Number(last[1]), fail: Number(last[2]) };
}

describe.skipIf(!allTools(...TOOLS))(
  toolTitle('Icarus Verilog runs the exported testbenches', ...TOOLS),
  () => {
    const tmp = tempDir('iverilog');
    afterAll(() => tmp.cleanup());

    it('passes every testbench in rtl-models/ bit-exactly (0 FAIL)', () => {
      const benches = readdirSync(models)
        .filter((f) => f.endsWith('_tb.v'))
        .sort();
      expect(benches.length).toBeGreaterThanOrEqual(25);
      for (const bench of benches) {
        const model = bench.replace(/_tb\.v$/, '.v');
        const vectors = readFileSync(join(models, bench), 'utf8').match(/tb_check\(/g)!.length;
        const result = simulate(tmp.dir, join(models, model), join(models, bench));
        expect({ bench, ...result }).toEqual({ bench, pass: vectors, fail: 0 });
      }
    });

    it('reports failures when the model is wrong (one xor turned into xnor)', () => {
      const original = readFileSync(join(models, 'kogge_stone_8.v'), 'utf8');
      const broken = original.replace(/\n {2}xor (g\d+)/, '\n  xnor $1');
      expect(broken).not.toBe(original);
      const path = join(tmp.dir, 'broken.v');
      writeFileSync(path, broken);
      const result = simulate(tmp.dir, path, join(models, 'kogge_stone_8_tb.v'));
      expect(result.fail).toBeGreaterThan(0);
    });

    it('agrees with our simulator on random sequential netlists of every cell kind', () => {
      for (const seed of [1, 2, 3, 4, 5, 6]) {
        const netlist: Netlist = randomNetlist(seed, {
          cells: 150,
          registers: seed % 3 === 0 ? 0 : 10,
          inputWidths: [4, 9, 1],
          outputs: 3,
        });
        const model = join(tmp.dir, `random_${seed}.v`);
        const bench = join(tmp.dir, `random_${seed}_tb.v`);
        const vectors = testVectors(netlist, { seed, random: 100, maxCorners: 64 });
        writeFileSync(model, toVerilog(netlist));
        writeFileSync(bench, toTestbench(netlist, vectors));
        expect({ seed, ...simulate(tmp.dir, model, bench) }).toEqual({
          seed,
          pass: vectors.length,
          fail: 0,
        });
      }
    });
  },
);
