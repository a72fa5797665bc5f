import { expect, test } from 'vitest';
import { collectReferences, splitSources } from '../../src/report/references.js';
import { makeFixture } from './fixture.js';

test('a source text splits at "; " outside brackets only', () => {
  expect(
    splitSources('A, ISCA 2014 (40 nm); B data/*.csv (energy per action; width scaling)'),
  ).toEqual(['A, ISCA 2014 (40 nm)', 'B data/*.csv (energy per action; width scaling)']);
  expect(splitSources('one [x; y] source')).toEqual(['one [x; y] source']);
  expect(splitSources('a;b; c')).toEqual(['a;b', 'c']);
});

test('each source is listed once and cited by number, runs of three or more as a range', () => {
  const r = makeFixture();
  const tables = [
    { ...r.tables[0], id: 't1', title: 'T1', source: 'S1; S2' },
    { ...r.tables[0], id: 't2', title: 'T2', source: 'S3; S4; S5; S2' },
    { ...r.tables[0], id: 't3', title: 'T3', source: 'S1' },
  ];
  const refs = collectReferences({ ...r, tables });
  expect(refs.sources).toEqual(['S1', 'S2', 'S3', 'S4', 'S5']);
  expect(refs.cite('t1')).toBe('[1, 2]');
  expect(refs.cite('t2')).toBe('[2–5]');
  expect(refs.titled('t3')).toBe('T3 [1]');
  expect(refs.cite('unknown')).toBe('');
  expect(refs.titled('unknown')).toBe('unknown');
});
