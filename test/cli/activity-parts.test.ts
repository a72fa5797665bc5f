import { describe, expect, it } from 'vitest';
import { ACTIVITY_PART, measureActivity } from '../../src/cli/datapath-outputs.js';
import { randomVectors } from '../../src/cli/vectors.js';
import { buildDatapath } from '../../src/gen/build-datapath.js';

/**
 * `datapath --activity` reports progress by simulating in parts; the parts overlap by one
 * vector, so the counts are exactly those of one pass over the whole stream.
 */
describe('activity in parts, for progress', () => {
  it.each([
    ['add', 2 * ACTIVITY_PART + 17],
    ['mul', ACTIVITY_PART + 1],
    ['popcount', ACTIVITY_PART],
  ])('%s over %i vectors: the same report as one pass', (op, count) => {
    const { netlist, spec } = buildDatapath({ op, bits: 6 });
    const stream = randomVectors(netlist, spec, count, 3);
    const calls: [number, number][] = [];
    const parts = measureActivity(netlist, stream, { model: 'zero' }, (d, t) => calls.push([d, t]));
    expect(parts).toEqual(measureActivity(netlist, stream));
    expect(calls.length).toBe(Math.ceil((count - 1) / ACTIVITY_PART));
    expect(calls.at(-1)).toEqual([count, count]);
  });

  it('a sequential netlist (state across vectors) is simulated in one pass', () => {
    const { netlist, spec } = buildDatapath({ op: 'pe-adder', bits: 4 });
    const stream = randomVectors(netlist, spec, 1000, 5);
    const calls: number[] = [];
    expect(measureActivity(netlist, stream, { model: 'zero' }, (d) => calls.push(d))).toEqual(
      measureActivity(netlist, stream),
    );
    expect(calls).toEqual([]);
  });
});
