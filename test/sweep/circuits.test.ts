import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { measureNetwork } from '../../src/pipeline/measure.js';
import { prepareNetwork } from '../../src/pipeline/prepare.js';
import { pointKey, type SweepSpec, sweepPoints } from '../../src/sweep/spec.js';
import { runSweep } from '../../src/sweep/sweep.js';
import { CHECKPOINT } from '../engine/fixtures.js';

/**
 * Sweeps over slot circuits: points keyed by their circuit, the same accuracy as `infer` with
 * that circuit (one pipeline), and resumable like every sweep.
 */
const dir = mkdtempSync(join(tmpdir(), 'addersim-sweep-circuits-'));
const spec: SweepSpec = {
  model: CHECKPOINT.addernet,
  bits: [8],
  accBits: [null],
  adders: ['ripple-carry'],
  absdiffs: ['ones-complement'],
  tables: ['cells-45nm'],
  limit: 40,
  bn: 'multiply-shift',
  overflow: 'wrap',
  groups: 1,
  gateImages: 2,
  subs: [null, 'loa:6', 'eta1:7'],
};

describe('sweeps over slot circuits', () => {
  it('keys points by circuit, and leaves keys without circuits as they were', () => {
    const points = sweepPoints(spec);
    expect(points.map((p) => p.sub)).toEqual([undefined, 'loa:6', 'eta1:7']);
    expect(pointKey(points[0])).toBe('[8,null,"ripple-carry","ones-complement","cells-45nm"]');
    expect(pointKey(points[1])).toBe(
      '[8,null,"ripple-carry","ones-complement","cells-45nm",{"sub":"loa:6","mul":null}]',
    );
  });

  it('gives infer’s accuracy per circuit and resumes to the same file', async () => {
    const out = join(dir, 'subs.jsonl');
    const whole = await runSweep(spec, out, { threads: 1 });
    const text = readFileSync(out, 'utf8');
    const prepared = prepareNetwork(spec.model, { bits: 8 });
    for (const record of whole.records) {
      const r = await measureNetwork(prepared, {
        limit: 40,
        float: false,
        threads: 1,
        tables: [],
        datapath: record.sub === undefined ? {} : { sub: record.sub },
      });
      expect([record.sub, record.correct]).toEqual([record.sub, r.correct]);
    }
    // Cut after the first point and resume: the same bytes.
    const cut = join(dir, 'cut.jsonl');
    writeFileSync(cut, text.split('\n').slice(0, 2).join('\n'));
    const resumed = await runSweep(spec, cut, { threads: 1 });
    expect([resumed.resumed, resumed.computed]).toEqual([1, 2]);
    expect(readFileSync(cut, 'utf8')).toBe(text);
  });

  it('sweeps accumulator circuits (with a sub circuit): keyed, priced per circuit, infer’s accuracy', async () => {
    const accSpec: SweepSpec = { ...spec, subs: [null, 'loa:6'], accs: [null, 'loa:0', 'trunc:9'] };
    const points = sweepPoints(accSpec);
    expect(points.map((p) => [p.sub, p.acc])).toEqual([
      [undefined, undefined],
      [undefined, 'loa:0'],
      [undefined, 'trunc:9'],
      ['loa:6', undefined],
      ['loa:6', 'loa:0'],
      ['loa:6', 'trunc:9'],
    ]);
    expect(pointKey(points[1])).toBe(
      '[8,null,"ripple-carry","ones-complement","cells-45nm",{"sub":null,"mul":null,"acc":"loa:0"}]',
    );
    const { records } = await runSweep(accSpec, join(dir, 'accs.jsonl'), { threads: 1 });
    const prepared = prepareNetwork(spec.model, { bits: 8 });
    for (const record of records) {
      const r = await measureNetwork(prepared, {
        limit: 40,
        float: false,
        threads: 1,
        tables: [],
        datapath: {
          ...(record.sub === undefined ? {} : { sub: record.sub }),
          ...(record.acc === undefined ? {} : { acc: record.acc }),
        },
      });
      expect([record.sub, record.acc, record.correct]).toEqual([record.sub, record.acc, r.correct]);
    }
    // loa:0 is a ripple-carry adder: the exact accumulator's accuracy, in a different circuit.
    expect(records[1].correct).toBe(records[0].correct);
    expect(records[1].computePj).not.toBe(records[0].computePj);
    // trunc:9 drops the low 9 bits of every partial sum: accuracy falls.
    expect(records[2].correct).toBeLessThan(records[0].correct);
  });

  it("checks every point's circuits against the network before any point runs", async () => {
    const out = join(dir, 'bad.jsonl');
    await expect(
      runSweep({ ...spec, tables: ['asic-45nm-horowitz'], accs: [null, 'loa:99'] }, out, {
        threads: 1,
      }),
    ).rejects.toThrow(
      new InputError(
        "--acc-circuit loa:K must have K from 0 to 16 at 16 bits, not 99 (layer conv2; --acc-bits sets the body layers' accumulators, up to their overflow-free width, here 16)",
      ),
    );
    expect(existsSync(out)).toBe(false);
  });
});
