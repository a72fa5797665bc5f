import { describe, expect, it } from 'vitest';
import { budgetArchitecture } from '../../src/budget/budget.js';
import { architectureNames, loadArchitecture } from '../../src/nn/architectures.js';
import { inferShapes, nodeInputs } from '../../src/nn/graph.js';
import { type Conv, RECIPES, recipeMacs } from './recipes.js';

/**
 * The shipped architectures against independent rebuilds of their defining code (recipes.ts),
 * published parameter and operation counts, and the budget invariants that must hold for
 * every architecture.
 */

const SHIPPED = ['lenet5', 'vgg-small', 'resnet20', 'resnet32', 'resnet18', 'resnet50'];

describe('shipped architectures', () => {
  it('are all listed', () => {
    for (const name of SHIPPED) expect(architectureNames()).toContain(name);
  });

  for (const [name, recipe] of Object.entries(RECIPES)) {
    it(`${name} has the weight layers of its defining code`, () => {
      const arch = loadArchitecture(name);
      const shapes = inferShapes(arch);
      const got = arch.nodes.flatMap((node, i): Conv[] => {
        if (node.op !== 'conv' && node.op !== 'linear') return [];
        const inShape = shapes.get(nodeInputs(arch.nodes, i)[0])!;
        const conv = node.op === 'conv';
        return [
          {
            id: node.id,
            cin: inShape[0],
            cout: conv ? node.outChannels : node.outFeatures,
            k: conv ? node.kernel : 1,
            s: conv ? (node.stride ?? 1) : 1,
            p: conv ? (node.padding ?? 0) : 0,
            size: conv ? inShape[1] : 1,
            role: node.role,
            bias: node.bias ?? false,
          },
        ];
      });
      const byId = (list: Conv[]) => Object.fromEntries(list.map((c) => [c.id, c]));
      expect(byId(got)).toEqual(byId(recipe()));
    });
  }

  for (const name of SHIPPED) {
    it(`${name}: every weight layer is followed by BatchNorm (LQ-Nets: after its max-pool)`, () => {
      const arch = loadArchitecture(name);
      const readers = (id: string) =>
        arch.nodes.filter((_, i) => nodeInputs(arch.nodes, i).includes(id));
      for (const node of arch.nodes) {
        if (node.op !== 'conv' && node.op !== 'linear') continue;
        let next = readers(node.id);
        if (next.length === 1 && next[0].op === 'maxpool') next = readers(next[0].id);
        expect(
          next.map((n) => n.op),
          node.id,
        ).toEqual(['bn']);
      }
      expect(arch.source.length).toBeGreaterThan(40);
      expect(arch.description?.length ?? 0).toBeGreaterThan(40);
    });
  }
});

describe('published parameter and operation counts', () => {
  const params = (name: string) => budgetArchitecture(loadArchitecture(name)).totals.cnn.params;

  it('LeNet-5-BN by hand', () => {
    // weights 1·6·25 + 6·16·25 + 400·120 + 120·84 + 84·10 = 61,470; BN 2·(6+16+120+84+10) = 472.
    expect(params('lenet5')).toBe(61_942);
  });

  it('VGG-small by hand', () => {
    // 3·128·9 + 128·128·9 + 128·256·9 + 256·256·9 + 256·512·9 + 512·512·9 + 8192·10 + 10 (bias)
    // = 4,656,522; BN 2·(128+128+256+256+512+512+10) = 3,604.
    expect(params('vgg-small')).toBe(4_660_126);
  });

  it('ResNet-20 and ResNet-32 (He et al. 2016: 0.27M and 0.46M)', () => {
    // ResNet-20 weights: 432 + 6·2,304 + 4,608 + 5·9,216 + 18,432 + 5·36,864 + 1x1 shortcuts
    // 512 + 2,048 + fc 640 = 270,896; BN 2·(16 + 6·16 + 6·32 + 32 + 6·64 + 64 + 10) = 1,588.
    expect(params('resnet20')).toBe(272_484);
    // ResNet-32: 432 + 10·2,304 + 4,608 + 9·9,216 + 18,432 + 9·36,864 + 2,560 + 640 = 464,432;
    // BN 2·(16 + 10·16 + 10·32 + 32 + 10·64 + 64 + 10) = 2,484.
    expect(params('resnet32')).toBe(466_916);
    // He et al.'s figures are for option-A (parameter-free) shortcuts; without the 1x1 shortcut
    // layers and their BN (ResNet-20/32: 512 + 2,048 weights, 2·(32 + 64) BN) they round alike.
    const optionA = (name: string) => ((params(name) - 2_560 - 192) / 1e6).toFixed(2);
    expect([optionA('resnet20'), optionA('resnet32')]).toEqual(['0.27', '0.46']);
  });

  it('ResNet-18 and ResNet-50 equal torchvision plus the classifier BatchNorm', () => {
    // torchvision.models docs, num_params: resnet18 11,689,512; resnet50 25,557,032. The
    // AdderNet classifier adds BatchNorm2d(1000): 2,000 parameters.
    expect(params('resnet18')).toBe(11_689_512 + 2_000);
    expect(params('resnet50')).toBe(25_557_032 + 2_000);
  });

  for (const [name, recipe] of Object.entries(RECIPES)) {
    it(`${name}: CNN multiplications equal the MACs of the recipe`, () => {
      expect(budgetArchitecture(loadArchitecture(name)).totals.cnn.paperMul).toBe(
        recipeMacs(recipe()),
      );
    });
  }

  it('round to the AdderNet paper tables (ResNet-20 0.04G, -32 0.07G, -18 1.8G, -50 4.1G)', () => {
    const g = (name: string, digits: number) =>
      (budgetArchitecture(loadArchitecture(name)).totals.cnn.paperMul / 1e9).toFixed(digits);
    expect([g('resnet20', 2), g('resnet32', 2), g('resnet18', 1), g('resnet50', 1)]).toEqual([
      '0.04',
      '0.07',
      '1.8',
      '4.1',
    ]);
    // torchvision lists 1.81 and 4.09 GFLOPS (multiply-accumulates) for resnet18 / resnet50.
    expect([g('resnet18', 2), g('resnet50', 2)]).toEqual(['1.81', '4.09']);
  });
});

describe('budget invariants for every architecture', () => {
  for (const name of SHIPPED) {
    it(name, () => {
      const r = budgetArchitecture(loadArchitecture(name));
      const { cnn, addernet, bnn } = r.totals;
      // Paper convention.
      expect(cnn.paperAdd).toBe(cnn.paperMul);
      expect(addernet.paperAdd).toBe(2 * cnn.paperMul);
      expect(addernet.paperMul).toBe(0);
      expect(bnn.paperXnor).toBe(cnn.paperMul);
      expect(bnn.paperAdd).toBe(cnn.paperMul);
      // Explicit: the body taps move from mul to sub/abs or xnor/popcount; the rest stays.
      const bodyTaps = cnn.groups.body.mul;
      expect(bodyTaps + cnn.groups.stemAndClassifier.mul).toBe(cnn.paperMul);
      expect(bodyTaps).toBeGreaterThan(0);
      expect([addernet.sub, addernet.abs]).toEqual([bodyTaps, bodyTaps]);
      expect([bnn.xnor, bnn.popcount]).toEqual([bodyTaps, bodyTaps]);
      expect([addernet.groups.body.mul, bnn.groups.body.mul]).toEqual([0, 0]);
      expect(addernet.groups.stemAndClassifier).toEqual(cnn.groups.stemAndClassifier);
      expect(bnn.groups.stemAndClassifier).toEqual(cnn.groups.stemAndClassifier);
      expect(addernet.add).toBe(cnn.add);
      expect(addernet.mul).toBe(cnn.mul - bodyTaps);
      for (const t of [addernet, bnn]) {
        expect(t.params).toBe(cnn.params);
        expect(t.bn).toBe(cnn.bn);
        expect(t.memReads).toBe(cnn.memReads);
      }
      // Totals are the sums of the layers.
      for (const v of ['cnn', 'addernet', 'bnn'] as const) {
        for (const key of [
          'mul',
          'add',
          'sub',
          'abs',
          'xnor',
          'popcount',
          'cmp',
          'memReadBits',
          'paperAdd',
        ] as const) {
          const sum = r.layers.reduce((acc, l) => acc + (l[v]?.[key] ?? 0), 0);
          expect(sum, `${v}.${key}`).toBe(r.totals[v][key]);
        }
      }
      // Every adder accumulator is within the textbook bound b + ceil(log2 K).
      for (const l of r.layers) {
        const w = l.addernet?.work;
        if (w?.kind === 'adder')
          expect(w.accBits).toBeLessThanOrEqual(8 + Math.ceil(Math.log2(w.K)));
      }
    });
  }

  it('is deterministic and scales widths with --bits', () => {
    const arch = loadArchitecture('resnet20');
    expect(JSON.stringify(budgetArchitecture(arch))).toBe(JSON.stringify(budgetArchitecture(arch)));
    const four = budgetArchitecture(arch, { bits: 4 });
    // 4x4-bit multiplies: 40,813,184 taps, and the alignment of the 7 identity shortcuts
    // (3 of 16x32x32, 2 of 32x16x16, 2 of 64x8x8 elements = 73,728), also 4 x 4 bits.
    expect(four.totals.cnn.ops.find((c) => c.op === 'mul' && c.bitsB === undefined)).toEqual({
      op: 'mul',
      bits: 4,
      count: 40_813_184 + 3 * 16_384 + 2 * 8_192 + 2 * 4_096,
    });
    expect(() => budgetArchitecture(arch, { bits: 1 })).toThrow(
      'budget bits must be an integer from 2 to 32, not 1',
    );
  });
});
