import { describe, expect, it } from 'vitest';
import { budgetSection } from '../../src/study/budgets.js';

describe('operation budgets', () => {
  it('covers the six shipped architectures in both conventions', () => {
    const section = budgetSection(8);
    expect(section.architectures.map((a) => a.name).sort()).toEqual([
      'lenet5',
      'resnet18',
      'resnet20',
      'resnet32',
      'resnet50',
      'vgg-small',
    ]);
    // LeNet-5 taps, from its geometry: conv1 28·28·6·25, conv2 10·10·16·150, fc 120·400, 84·120, 10·84.
    const taps = 28 * 28 * 6 * 25 + 10 * 10 * 16 * 150 + 120 * 400 + 84 * 120 + 10 * 84;
    const lenet = section.architectures.find((a) => a.name === 'lenet5');
    const paper = Object.fromEntries(lenet?.networks.map((n) => [n.network, n.paper]) ?? []);
    expect(paper.cnn).toEqual({ mul: taps, add: taps, xnor: 0 });
    expect(paper.addernet).toEqual({ mul: 0, add: 2 * taps, xnor: 0 });
    expect(paper.bnn).toEqual({ mul: 0, add: taps, xnor: taps });
    const adder = lenet?.networks.find((n) => n.network === 'addernet');
    const count = (op: string) =>
      adder?.explicit.filter((c) => c.op === op).reduce((s, c) => s + c.count, 0);
    // Body taps are sub + abs; the stem and classifier keep their multiplications (plus BN).
    const body = 10 * 10 * 16 * 150 + 120 * 400 + 84 * 120;
    expect(count('sub')).toBe(body);
    expect(count('abs')).toBe(body);
    expect(count('mul')).toBeGreaterThanOrEqual(28 * 28 * 6 * 25 + 10 * 84);
    expect(adder?.explicit.some((c) => c.op === 'sram-read')).toBe(false);
  });
});
