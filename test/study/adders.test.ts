import { describe, expect, it } from 'vitest';
import type { AsicCellTable } from '../../src/cost/table-types.js';
import { loadTable } from '../../src/cost/tables.js';
import { buildAdder } from '../../src/gen/adders/index.js';
import { ReferenceSimulator } from '../../src/sim/reference.js';
import { adderSection } from '../../src/study/adders.js';
import { accumulatorStream, type LayerOperands } from '../../src/study/operands.js';

const cells = loadTable('cells-45nm') as AsicCellTable;

/** A 2-channel 4x4 input, 3 filters of 2x3x3, padding 1: small enough to check by hand. */
const layer: LayerOperands = {
  layer: 'conv',
  inputs: [
    Int32Array.from({ length: 32 }, (_, i) => (i * 37) % 200),
    Int32Array.from({ length: 32 }, (_, i) => (i * 11 + 5) % 256),
  ],
  inShape: [2, 4, 4],
  weights: Int32Array.from({ length: 54 }, (_, i) => (i * 29) % 180),
  outChannels: 3,
  kernel: 3,
  stride: 1,
  padding: 1,
};

/** Σ|x − w| of every output, from a zero-padded copy of the input (a different formulation). */
function goldenSums(op: LayerOperands): number[] {
  const [C, H, W] = op.inShape;
  const P = op.padding;
  const out: number[] = [];
  for (const x of op.inputs) {
    const padded = (c: number, y: number, z: number) =>
      y < P || y >= H + P || z < P || z >= W + P ? 0 : x[(c * H + y - P) * W + (z - P)];
    for (let n = 0; n < op.outChannels; n++)
      for (let oy = 0; oy < H; oy++)
        for (let ox = 0; ox < W; ox++) {
          let s = 0;
          for (let c = 0; c < C; c++)
            for (let ky = 0; ky < 3; ky++)
              for (let kx = 0; kx < 3; kx++)
                s += Math.abs(
                  padded(c, oy + ky, ox + kx) - op.weights[((n * C + c) * 3 + ky) * 3 + kx],
                );
          out.push(s);
        }
  }
  return out;
}

describe('accumulator operand stream', () => {
  it('holds every addition of every output, in accumulation order', () => {
    const s = accumulatorStream(layer, 13, 'test');
    const K = 18;
    expect(s.sums.length).toBe(2 * 3 * 16 * K);
    const golden = goldenSums(layer);
    golden.forEach((total, o) => {
      expect(s.sums[o * K]).toBe(0);
      for (let t = 1; t < K; t++) {
        expect(s.sums[o * K + t]).toBe(s.sums[o * K + t - 1] + s.addends[o * K + t - 1]);
      }
      expect(s.sums[o * K + K - 1] + s.addends[o * K + K - 1]).toBe(total);
    });
  });

  it('refuses a width the sums overflow', () => {
    expect(() => accumulatorStream(layer, 8, 'test')).toThrow(/overflows the 8-bit accumulator/);
  });
});

describe('adder architectures on a real stream', () => {
  const stream = accumulatorStream(layer, 13, 'a tiny test layer');

  it('counts toggles as a scalar reference simulation does, and prices them', () => {
    const section = adderSection(cells, stream, ['ripple-carry', 'kogge-stone']);
    expect(section).toMatchObject({
      bits: 13,
      vectors: stream.sums.length,
      toggleModel: 'zero-delay',
    });
    for (const row of section.architectures) {
      const netlist = buildAdder(row.name as 'ripple-carry', 13);
      const sim = new ReferenceSimulator(netlist);
      const outs = netlist.cells.flatMap((c) => c.outputs);
      // Energy of one toggle of each cell output: per-output figures where the table gives them.
      const perToggle = new Map<number, number>();
      for (const c of netlist.cells) {
        const row = cells.cells.find((r) => r.kind === c.kind);
        c.outputs.forEach((o, k) => {
          perToggle.set(o, row?.outputSwitchingEnergyPj?.[k] ?? (row?.switchingEnergyPj as number));
        });
      }
      let previous: number[] | undefined;
      let toggles = 0;
      let energy = 0;
      for (let i = 0; i < stream.sums.length; i++) {
        sim.setInputs({ a: BigInt(stream.sums[i]), b: BigInt(stream.addends[i]), cin: 0n });
        const now = outs.map((o) => sim.net(o));
        if (previous)
          now.forEach((v, k) => {
            if (v !== previous?.[k]) {
              toggles++;
              energy += perToggle.get(outs[k]) as number;
            }
          });
        previous = now;
      }
      const transitions = stream.sums.length - 1;
      expect(row.togglesPerOp).toBeCloseTo(toggles / transitions, 9);
      expect(row.energyPerOpPj).toBeCloseTo(
        (energy * cells.energyCalibration.scale) / transitions,
        9,
      );
      const area = netlist.cells.reduce(
        (s, c) => s + (cells.cells.find((r) => r.kind === c.kind)?.areaUm2 as number),
        0,
      );
      expect(row.areaUm2).toBeCloseTo(area, 9);
      expect(row.cells).toBe(netlist.cells.length);
      expect(row.delayNs).toBeGreaterThan(0);
    }
    const [ripple, kogge] = section.architectures;
    expect(kogge.delayNs).toBeLessThan(ripple.delayNs);
    expect(kogge.areaUm2).toBeGreaterThan(ripple.areaUm2);
  });
});
