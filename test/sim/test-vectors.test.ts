import { describe, expect, it } from 'vitest';
import { evaluate, ReferenceSimulator } from '../../src/sim/reference.js';
import { cornerValues, testVectors } from '../../src/sim/test-vectors.js';
import { randomNetlist } from './random-netlist.js';

describe('test vectors for exported testbenches', () => {
  it('lists the corner values of a port without duplicates', () => {
    expect(cornerValues(4)).toEqual([0n, 1n, 15n, 8n, 7n, 5n, 10n]);
    expect(cornerValues(1)).toEqual([0n, 1n]);
    expect(cornerValues(2)).toEqual([0n, 1n, 3n, 2n]);
  });

  it('takes every corner combination when few, then seeded random vectors', () => {
    const netlist = randomNetlist(3, { cells: 40, registers: 0, inputWidths: [4, 1], outputs: 2 });
    const vectors = testVectors(netlist, { random: 10, seed: 9 });
    expect(vectors).toHaveLength(7 * 2 + 10);
    expect(vectors.slice(0, 3).map((v) => v.inputs)).toEqual([
      { in0: 0n, in1: 0n },
      { in0: 0n, in1: 1n },
      { in0: 1n, in1: 0n },
    ]);
    for (const v of vectors) expect(v.outputs).toEqual(evaluate(netlist, v.inputs));
    expect(testVectors(netlist, { random: 10, seed: 9 })).toEqual(vectors);
    expect(testVectors(netlist, { random: 10, seed: 10 })).not.toEqual(vectors);
  });

  it('falls back to one corner on all ports at once when the product is large', () => {
    const netlist = randomNetlist(4, {
      cells: 10,
      registers: 0,
      inputWidths: [8, 8, 8],
      outputs: 1,
    });
    expect(testVectors(netlist, { random: 0 })).toHaveLength(7);
  });

  it('gives a sequential netlist one stream from reset, corners held three cycles', () => {
    const netlist = randomNetlist(5, { cells: 60, registers: 6, inputWidths: [3], outputs: 1 });
    const vectors = testVectors(netlist, { random: 50 });
    expect(cornerValues(3)).toEqual([0n, 1n, 7n, 4n, 3n, 2n]);
    expect(vectors).toHaveLength(6 * 3 + 50);
    expect(vectors[1].inputs).toEqual(vectors[0].inputs);
    const sim = new ReferenceSimulator(netlist);
    for (const v of vectors) {
      sim.setInputs(v.inputs);
      expect(v.outputs).toEqual(sim.outputs());
      sim.step();
    }
  });
});
