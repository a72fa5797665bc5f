import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.js';
import { resultsJson } from '../../src/report/json.js';
import { checkResults, parseResults } from '../../src/report/validate.js';
import { makeFixture } from './fixture.js';

/** A deep copy with every object's keys in reverse order: the same value, built differently. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  );
}

/** A results value being broken on purpose: the edits write values its type forbids. */
// biome-ignore lint/suspicious/noExplicitAny: the point of these edits is to break the type
type Loose = any;

/** Applies `edit` to a mutable JSON copy of the fixture. */
function edited(edit: (r: Loose) => void): unknown {
  const copy = JSON.parse(JSON.stringify(makeFixture()));
  edit(copy);
  return copy;
}

function messageOf(value: unknown): string {
  try {
    checkResults(value, 'results.json');
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error('expected an InputError');
}

test('the fixture passes and comes back equal', () => {
  expect(checkResults(makeFixture(), 'fixture')).toEqual(makeFixture());
});

test('results.json has keys in schema order whatever order the value was built in', () => {
  const text = resultsJson(reversedKeys(makeFixture()) as ReturnType<typeof makeFixture>);
  expect(text).toBe(resultsJson(makeFixture()));
  expect(Object.keys(JSON.parse(text))).toEqual([
    'schemaVersion',
    'meta',
    'tables',
    'accuracy',
    'energy',
    'fpga',
    'cpu',
    'area',
    'breakdown',
    'adders',
    'accumulator',
    'budgets',
    'verdictInputs',
  ]);
  expect(
    text.startsWith('{\n  "schemaVersion": 1,\n  "meta": {\n    "name": "lenet5-mnist",'),
  ).toBe(true);
  expect(text.endsWith('}\n')).toBe(true);
});

test('results.json parses back to the same value (exact numbers)', () => {
  const r = makeFixture();
  expect(parseResults(resultsJson(r), 'results.json')).toEqual(r);
});

describe('bad values are InputErrors naming the field', () => {
  test.each([
    [
      'a zero energy',
      (r: Loose) => {
        r.energy[0].energyPj = 0;
      },
      'results.json: energy[0].energyPj must be a finite number > 0, not 0',
    ],
    [
      'NaN',
      (r: Loose) => {
        r.cpu[1].cycles = Number.NaN;
      },
      'results.json: cpu[1].cycles must be a finite number > 0, not NaN',
    ],
    [
      'a fractional count',
      (r: Loose) => {
        r.budgets.architectures[0].networks[0].paper.add = 1.5;
      },
      'results.json: budgets.architectures[0].networks[0].paper.add must be an integer >= 0, not 1.5',
    ],
    [
      'an unknown network',
      (r: Loose) => {
        r.area[0].network = 'snn';
      },
      'results.json: area[0].network must be one of addernet, cnn, bnn, not "snn"',
    ],
    [
      'an unknown primitive',
      (r: Loose) => {
        r.breakdown[0].byPrimitive[0].op = 'shift';
      },
      'results.json: breakdown[0].byPrimitive[0].op must be one of add, sub, abs, mul, xnor, popcount, cmp, fadd, fmul, sram-read, sram-write, dram-read, dram-write, not "shift"',
    ],
    [
      'a missing field',
      (r: Loose) => {
        delete r.meta.seed;
      },
      'results.json: meta.seed must be an integer >= 0, not nothing',
    ],
    [
      'an extra field',
      (r: Loose) => {
        r.meta.date = '2024-01-01';
      },
      'results.json: meta must have only the fields name, architecture, dataset, seed, defaultBits, toolVersion, notes, not "date"',
    ],
    [
      'another schema version',
      (r: Loose) => {
        r.schemaVersion = 2;
      },
      'results.json: schemaVersion must be 1, not 2',
    ],
    [
      'a table not listed',
      (r: Loose) => {
        r.energy[2].table = 'asic-7nm';
      },
      'results.json: energy[2].table must be the id of a table listed in tables, not "asic-7nm"',
    ],
    [
      'a table of the wrong kind',
      (r: Loose) => {
        r.cpu[0].table = 'fpga-zu9eg';
      },
      'results.json: cpu[0].table must be a table of kind cpu, not "fpga-zu9eg (kind fpga)"',
    ],
    [
      'a row listed twice',
      (r: Loose) => {
        r.energy[1].network = 'addernet';
      },
      'results.json: energy[1] must be the only row for its network and table, not "addernet/asic-45nm-horowitz"',
    ],
    [
      'a cost without provenance',
      (r: Loose) => {
        r.fpga[0].provenance = [];
      },
      'results.json: fpga[0].provenance must be a non-empty list of table rows and scaling steps, not []',
    ],
    [
      'more correct answers than images',
      (r: Loose) => {
        r.accuracy.networks[1].points[0].correct = 10_001;
      },
      'results.json: accuracy.networks[1].points[0].correct must be at most testImages (10000), not 10001',
    ],
    [
      'an unknown toggle model',
      (r: Loose) => {
        r.adders.toggleModel = 'timed';
      },
      'results.json: adders.toggleModel must be "zero-delay", not "timed"',
    ],
  ])('%s', (_name, edit, message) => {
    expect(messageOf(edited(edit))).toBe(message);
  });

  test('text that is not JSON', () => {
    expect(() => parseResults('{"schemaVersion": 1,', 'results.json')).toThrow(
      /^results\.json must be JSON, not text that fails to parse \(/,
    );
  });
});
