import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAccBitsList, type SweepSpec, sweepPoints } from '../../src/sweep/spec.js';
import { readRecords, runSweep } from '../../src/sweep/sweep.js';
import { CHECKPOINT } from '../engine/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'addersim-sweep-'));
const spec: SweepSpec = {
  model: CHECKPOINT.addernet,
  bits: [4, 8],
  accBits: [10, null],
  adders: ['ripple-carry', 'kogge-stone'],
  absdiffs: ['ones-complement'],
  tables: ['asic-45nm-horowitz', 'cells-45nm'],
  limit: 40,
  bn: 'thresholds',
  overflow: 'wrap',
  groups: 1,
  gateImages: 2,
};

describe('sweeps', () => {
  it('enumerates bits x accBits x arch x |a-b| x table in nested order', () => {
    const points = sweepPoints(spec);
    expect(points).toHaveLength(16);
    expect(points[0]).toEqual({
      index: 0,
      bits: 4,
      accBits: 10,
      adder: 'ripple-carry',
      absdiff: 'ones-complement',
      table: 'asic-45nm-horowitz',
    });
    expect(points[15]).toMatchObject({
      bits: 8,
      accBits: null,
      adder: 'kogge-stone',
      table: 'cells-45nm',
    });
  });

  it('a resumed sweep writes the same file as an uninterrupted one', async () => {
    const whole = join(dir, 'whole.jsonl');
    const first = await runSweep(spec, whole, { threads: 1 });
    expect(first.computed).toBe(16);
    const expected = readFileSync(whole, 'utf8');
    // The header naming the sweep and its settings, then the 16 points in order.
    const [header, ...lines] = expected.trim().split('\n');
    expect(JSON.parse(header)).toEqual({
      addersim: 'sweep',
      model: spec.model,
      limit: spec.limit,
      bn: spec.bn,
      overflow: spec.overflow,
      groups: spec.groups,
      gateImages: spec.gateImages,
    });
    expect(lines.map((l) => JSON.parse(l).index)).toEqual([...Array(16).keys()]);
    // An interruption: five finished points, in completion order, and a torn sixth line.
    const cut = join(dir, 'cut.jsonl');
    writeFileSync(
      cut,
      `${[header, lines[3], lines[0], lines[9], lines[1], lines[14]].join('\n')}\n${lines[2].slice(0, 50)}`,
    );
    const resumed = await runSweep(spec, cut, { threads: 1 });
    expect([resumed.resumed, resumed.computed]).toEqual([5, 11]);
    expect(readFileSync(cut, 'utf8')).toBe(expected);
    // A file of an earlier version (records without the header) resumes and gains the header.
    const legacy = join(dir, 'legacy.jsonl');
    writeFileSync(legacy, `${[lines[5], lines[0]].join('\n')}\n`);
    const upgraded = await runSweep(spec, legacy, { threads: 1 });
    expect([upgraded.resumed, upgraded.computed]).toEqual([2, 14]);
    expect(readFileSync(legacy, 'utf8')).toBe(expected);
    // A rerun of a finished sweep computes nothing and changes nothing.
    const again = await runSweep(spec, whole, { threads: 1 });
    expect(again.computed).toBe(0);
    expect(readFileSync(whole, 'utf8')).toBe(expected);
  });

  it('records accuracy, overflow and costs per point; gate tables say how many images they sampled', () => {
    const records = readRecords(join(dir, 'whole.jsonl'));
    const wrap8 = records.find((r) => r.bits === 8 && r.accBits === 10);
    const full8 = records.find((r) => r.bits === 8 && r.accBits === null);
    expect(wrap8?.overflowEvents).toBeGreaterThan(0);
    expect(full8?.overflowEvents).toBe(0);
    expect((wrap8?.correct ?? 0) < (full8?.correct ?? 0)).toBe(true);
    const cells = records.filter((r) => r.table === 'cells-45nm');
    expect(
      cells.every((r) => r.toggleImages === 2 && r.computePj !== null && r.energyPj === null),
    ).toBe(true);
    // Kogge-Stone adders are bigger than ripple-carry ones.
    const area = (arch: string) =>
      cells.find((r) => r.adder === arch && r.bits === 8 && r.accBits === null)?.peAreaUm2 ?? 0;
    expect(area('kogge-stone')).toBeGreaterThan(area('ripple-carry'));
  });

  it('refuses a results file of another sweep', async () => {
    const other = join(dir, 'whole.jsonl');
    await expect(runSweep({ ...spec, limit: 30 }, other, { threads: 1 })).rejects.toThrow(
      `--out ${other} must hold points of this sweep or none, not points with other settings`,
    );
  });

  it('deduplicates points by their canonical key, keeping the first', () => {
    const points = sweepPoints({ ...spec, bits: [8, 4, 8], accBits: [null, 10, null] });
    expect(points.map((p) => [p.index, p.bits, p.accBits])).toEqual(
      // 2 widths x 2 accumulators x 2 archs x 1 |a-b| x 2 tables, in first-seen order.
      [8, 4]
        .flatMap((bits) => [null, 10].flatMap((acc) => Array(4).fill([bits, acc])))
        .map((p, i) => [i, ...p]),
    );
  });

  it('parses accumulator width lists', () => {
    expect(parseAccBitsList('10, 12,full')).toEqual([10, 12, null]);
    expect(() => parseAccBitsList('10,x')).toThrow(
      '--acc-bits must be a comma-separated list of integers from 1 to 64 or full, not "10,x"',
    );
  });
});
