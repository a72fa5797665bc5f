import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { fromRoot } from '../src/paths.js';
import {
  HEADLINE_END,
  HEADLINE_START,
  headlineMarkdown,
  spliceHeadline,
} from '../src/report/readme-headline.js';
import { parseResults } from '../src/report/validate.js';

/**
 * README.md's headline table is what `npm run readme:headline` generates from the committed
 * sample's results.json, and its cells are the sample's numbers (checked here from the raw
 * values, rounded by hand, not through the generator).
 */
const readme = readFileSync(fromRoot('README.md'), 'utf8');
const results = parseResults(
  readFileSync(fromRoot('reports', 'sample', 'results.json'), 'utf8'),
  'reports/sample/results.json',
);
const block = readme
  .slice(readme.indexOf(HEADLINE_START) + HEADLINE_START.length, readme.indexOf(HEADLINE_END))
  .trim();

describe('README headline', () => {
  test('equals what npm run readme:headline writes (run it after regenerating reports/sample)', () => {
    expect(readme.split(HEADLINE_START)).toHaveLength(2);
    expect(block).toBe(headlineMarkdown(results));
    expect(spliceHeadline(readme, headlineMarkdown(results), 'README.md')).toBe(readme);
  });

  test('its cells are the sample results, rounded', () => {
    const row = (label: string) => block.split('\n').find((l) => l.startsWith(`| ${label} |`));
    const n = results.accuracy.testImages;
    const acc = (net: string) => {
      const e = results.accuracy.networks.find((x) => x.network === net);
      const p = e?.points.find((x) => x.bits === results.meta.defaultBits);
      return `${((100 * (p?.correct ?? 0)) / n).toFixed(2)} % (${((100 * (e?.floatCorrect ?? 0)) / n).toFixed(2)})`;
    };
    expect(row('accuracy int8 (float)')).toBe(
      `| accuracy int8 (float) | ${acc('addernet')} | ${acc('cnn')} | ${acc('bnn')} |`,
    );
    const nj = (net: string) => {
      const e = results.energy.find((x) => x.network === net && x.table === 'asic-45nm-horowitz');
      return `${Number(((e?.energyPj ?? 0) / 1000).toPrecision(3))} nJ`;
    };
    expect(row('energy, Horowitz 45 nm')).toBe(
      `| energy, Horowitz 45 nm | ${nj('addernet')} | ${nj('cnn')} | ${nj('bnn')} |`,
    );
    const skylake = results.cpu.filter((c) => c.table === 'cpu-x86-skylake');
    expect(row('cycles, Intel Skylake')?.replace(/,(?=\d)/g, '')).toBe(
      `| cycles, Intel Skylake | ${['addernet', 'cnn', 'bnn'].map((net) => Math.round(skylake.find((c) => c.network === net)?.cycles ?? 0)).join(' | ')} |`,
    );
  });

  test('a README without its markers is refused', () => {
    expect(() => spliceHeadline('# no markers\n', '| x |', 'README.md')).toThrow(
      /^README\.md must hold the headline markers once each/,
    );
    expect(() =>
      spliceHeadline(`${HEADLINE_END}\n${HEADLINE_START}\n`, '| x |', 'README.md'),
    ).toThrow(/start before end/);
  });
});
