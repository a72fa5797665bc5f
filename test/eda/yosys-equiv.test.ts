import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ABSDIFF_VARIANTS, buildAbsDiff, isExactAbsDiff } from '../../src/gen/absdiff/index.js';
import { ADDER_ARCHS, buildAdder } from '../../src/gen/adders/index.js';
import { buildMultiplier, MULTIPLIER_ARCHS } from '../../src/gen/multipliers/index.js';
import { buildSubtractor } from '../../src/gen/subtract/index.js';
import {
  absDiffCase,
  adderCase,
  type EquivCase,
  equivScript,
  multiplierCase,
  subtractorCase,
} from './gold.js';
import { allTools, run, tempDir, toolTitle } from './tools.js';

const tmp = tempDir('yosys-equiv');
afterAll(() => tmp.cleanup());

/** Proves every case with one yosys process; on failure names the case that failed. */
function prove(family: string, cases: readonly EquivCase[]): void {
  const file = (i: number, side: string) => join(tmp.dir, `${family}_${i}_${side}.v`);
  cases.forEach((c, i) => {
    writeFileSync(file(i, 'gate'), c.gate);
    writeFileSync(file(i, 'gold'), c.gold);
  });
  const script = join(tmp.dir, `${family}.ys`);
  writeFileSync(script, equivScript(cases, file));
  const result = run('yosys', ['-s', script], tmp.dir);
  const started = [...result.stdout.matchAll(/^EQUIV (\S+)$/gm)].map((m) => m[1]);
  const proved = result.status === 0 && /^EQUIV_ALL_PROVED$/m.test(result.stdout);
  expect(proved ? 'proved' : `failed at ${started.at(-1)}`).toBe('proved');
  expect(started).toEqual(cases.map((c) => c.name));
}

const ODD_AND_EVEN = [1, 5, 8, 13, 16, 37];

describe.skipIf(!allTools('yosys'))(
  toolTitle(
    'yosys proves the exported netlists equal to behavioural Verilog (miter + SAT)',
    'yosys',
  ),
  () => {
    it(`adders: every architecture at widths ${ODD_AND_EVEN.join(', ')} equal a + b + cin`, () => {
      prove(
        'adders',
        ADDER_ARCHS.flatMap((arch) => ODD_AND_EVEN.map((w) => adderCase(buildAdder(arch, w), w))),
      );
    });

    it('subtractors: every adder architecture at widths 5, 13, 37 equal a - b, borrow, overflow', () => {
      prove(
        'subtractors',
        ADDER_ARCHS.flatMap((arch) =>
          [5, 13, 37].map((w) => subtractorCase(buildSubtractor(arch, w), w)),
        ),
      );
    });

    it('|a - b|: every variant, signed and unsigned, two adders, widths 1, 5, 13, 37', () => {
      const cases: EquivCase[] = [];
      for (const variant of ABSDIFF_VARIANTS)
        for (const signed of [false, true])
          for (const adder of ['ripple-carry', 'kogge-stone'] as const)
            for (const w of [1, 5, 13, 37]) {
              const netlist = buildAbsDiff(variant, w, { signed, adder });
              cases.push(absDiffCase(netlist, w, signed, !isExactAbsDiff(variant)));
            }
      prove('absdiff', cases);
    });

    it('multipliers: every architecture, signed and unsigned, widths 1, 4, 5, 6 equal a * b', () => {
      // SAT on multiplier miters grows steeply with width: 6 bits takes well under a second
      // per proof, 8 bits over a minute.
      const cases: EquivCase[] = [];
      for (const arch of MULTIPLIER_ARCHS)
        for (const signed of [false, true])
          for (const w of [1, 4, 5, 6]) {
            cases.push(multiplierCase(buildMultiplier({ width: w, arch, signed }), w, signed));
          }
      prove('multipliers', cases);
    });

    it('catches a wrong netlist (the proof of a deliberately broken adder fails)', () => {
      const good = adderCase(buildAdder('kogge-stone', 8), 8);
      const broken = { ...good, gate: good.gate.replace(/\n {2}xor (g\d+)/, '\n  xnor $1') };
      expect(broken.gate).not.toBe(good.gate);
      const file = (i: number, side: string) => join(tmp.dir, `broken_${i}_${side}.v`);
      writeFileSync(file(0, 'gate'), broken.gate);
      writeFileSync(file(0, 'gold'), broken.gold);
      writeFileSync(join(tmp.dir, 'broken.ys'), equivScript([broken], file));
      const result = run('yosys', ['-s', join(tmp.dir, 'broken.ys')], tmp.dir);
      expect(result.status).not.toBe(0);
      expect(result.stdout).not.toMatch(/^EQUIV_ALL_PROVED$/m);
      expect(result.stderr + result.stdout).toContain('proof did fail');
    });
  },
);
