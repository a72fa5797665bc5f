import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { loadArchitecture } from '../../../src/nn/architectures.js';
import { deriveVariant, type Variant } from '../../../src/nn/graph.js';
import { importCheckpoint } from '../../../src/nn/import/import-checkpoint.js';
import { mapTensors, parseMapRules } from '../../../src/nn/import/key-map.js';
import type { SourceTensor } from '../../../src/nn/import/torch-tensors.js';
import { fixturePath } from './fixtures.js';

/**
 * Name mapping and its refusals, on state dicts written out by hand in the official AdderNet
 * layout of the resnet-tiny fixture architecture.
 */
const ARCH = loadArchitecture(fixturePath('resnet-tiny.json'));
const graph = (variant: Variant = 'addernet') => deriveVariant(ARCH, variant);

const f32 = (...shape: number[]): SourceTensor => ({
  dtype: 'float32',
  shape,
  data: new Float32Array(shape.reduce((a, b) => a * b, 1)).fill(0.5),
});
const bnState = (p: string, c: number): [string, SourceTensor][] => [
  [`${p}.weight`, f32(c)],
  [`${p}.bias`, f32(c)],
  [`${p}.running_mean`, f32(c)],
  [`${p}.running_var`, f32(c)],
  [`${p}.num_batches_tracked`, { dtype: 'int64', shape: [] }],
];

/** The official layout: module. prefix, adder weights as .adder. */
function official(): Map<string, SourceTensor> {
  const entries: [string, SourceTensor][] = [
    ['conv1.weight', f32(4, 3, 3, 3)],
    ...bnState('bn1', 4),
    ['layer1.0.conv1.adder', f32(8, 4, 3, 3)],
    ...bnState('layer1.0.bn1', 8),
    ['layer1.0.conv2.adder', f32(8, 8, 3, 3)],
    ...bnState('layer1.0.bn2', 8),
    ['layer1.0.downsample.0.adder', f32(8, 4, 1, 1)],
    ...bnState('layer1.0.downsample.1', 8),
    ['fc.weight', f32(10, 8, 1, 1)],
    ...bnState('bn2', 10),
  ];
  return new Map(entries.map(([k, v]) => [`module.${k}`, v]));
}

const F = 'w.pth';
const message = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error('expected an InputError');
};

describe('mapTensors', () => {
  it('maps the official layout and drops num_batches_tracked', () => {
    const { tensors, ignored } = mapTensors(official(), graph(), [], F);
    expect(ignored).toHaveLength(5);
    expect(tensors.get('layer1.0.downsample.0.weight')!.shape).toEqual([8, 4, 1, 1]);
    expect(tensors.has('fc.weight')).toBe(true);
    expect(tensors.size).toBe(25);
  });

  it('renames dot-separated prefixes with --map rules, an empty new removing the prefix', () => {
    const source = new Map(
      [...official()].map(([k, v]) => [
        k.replace('module.', 'net.').replace('net.layer1.0.downsample', 'net.layer1.0.shortcut'),
        v,
      ]),
    );
    const rules = parseMapRules('net.layer1.0.shortcut=layer1.0.downsample,net=');
    const { tensors } = mapTensors(source, graph(), rules, F);
    expect(tensors.has('layer1.0.downsample.1.running_var')).toBe(true);
    expect(tensors.has('conv1.weight')).toBe(true);
  });

  const cases: [string, () => Map<string, SourceTensor>, Variant, string, string][] = [
    [
      'a missing tensor',
      () => {
        const s = official();
        s.delete('module.layer1.0.bn1.running_var');
        return s;
      },
      'addernet',
      '',
      'w.pth: tensor layer1.0.bn1.running_var of resnet-tiny (addernet) is missing',
    ],
    [
      'an extra tensor',
      () => official().set('module.fc.bias', f32(10)),
      'addernet',
      '',
      'w.pth: tensor module.fc.bias (as fc.bias) is not in resnet-tiny (addernet); rename it with --map old=new',
    ],
    [
      'a mis-shaped tensor',
      () => official().set('module.layer1.0.conv2.adder', f32(8, 8, 5, 5)),
      'addernet',
      '',
      'w.pth: tensor module.layer1.0.conv2.adder (as layer1.0.conv2.weight) must have shape [8,8,3,3] in resnet-tiny (addernet), not [8,8,5,5]',
    ],
    [
      'adder weights for a multiply layer',
      official,
      'cnn',
      '',
      'w.pth: tensor module.layer1.0.conv1.adder holds adder weights but layer1.0.conv1 is a multiply layer in resnet-tiny (cnn)',
    ],
    [
      'a float64 tensor',
      () => official().set('module.bn2.bias', { dtype: 'float64', shape: [10] }),
      'addernet',
      '',
      'w.pth: tensor module.bn2.bias must be float32, not float64 (only num_batches_tracked may be int64)',
    ],
    [
      'two names for one tensor',
      () => official().set('module.layer1.0.conv1.weight', f32(8, 4, 3, 3)),
      'addernet',
      '',
      'w.pth: tensors module.layer1.0.conv1.adder and module.layer1.0.conv1.weight both map to layer1.0.conv1.weight',
    ],
    [
      'a rule that matches nothing',
      official,
      'addernet',
      'features.0=conv1',
      '--map rule features.0=conv1 matches no tensor of w.pth',
    ],
    [
      'a non-finite value',
      () => {
        const s = official();
        s.get('module.bn1.weight')!.data![2] = Number.NaN;
        return s;
      },
      'addernet',
      '',
      'w.pth: tensor module.bn1.weight holds NaN at element 2',
    ],
    [
      'a negative variance',
      () => {
        const s = official();
        s.get('module.bn2.running_var')!.data![9] = -1;
        return s;
      },
      'addernet',
      '',
      'w.pth: tensor module.bn2.running_var is a variance but holds -1 at element 9',
    ],
  ];
  it.each(cases)('refuses %s in one line', (_, source, variant, rules, text) => {
    const r = rules === '' ? [] : parseMapRules(rules);
    expect(message(() => mapTensors(source(), graph(variant), r, F))).toBe(text);
  });

  it('refuses malformed --map rules', () => {
    for (const bad of ['', 'a', '=b', 'a=b=c', 'a..b=c', 'a=b,', 'a b=c']) {
      expect(message(() => parseMapRules(bad))).toBe(
        `--map must be comma-separated old=new rules of dot-separated names, not ${JSON.stringify(bad)}`,
      );
    }
  });
});

describe('importCheckpoint options', () => {
  const dir = mkdtempSync(join(tmpdir(), 'addersim-import-options-'));
  const file = fixturePath('resnet-tiny.zip.pth');
  const net = fixturePath('resnet-tiny.json');
  const out = join(dir, 'out.safetensors');
  const base = { file, net, variant: 'addernet', out } as const;

  it('checks normalisation against the input channels', () => {
    expect(message(() => importCheckpoint({ ...base, mean: [0.5, 0.5], std: [0.2, 0.2] }))).toBe(
      '--mean must have 3 values (one per input channel of resnet-tiny), not 2',
    );
    expect(message(() => importCheckpoint({ ...base, mean: [0.5, 0.5, 0.5] }))).toBe(
      '--mean and --std must be given together',
    );
  });

  it('needs --mean and --std for a dataset without usual statistics', () => {
    const arch = join(dir, 'other.json');
    writeFileSync(arch, JSON.stringify({ ...ARCH, name: 'other', dataset: 'imagenette' }));
    expect(message(() => importCheckpoint({ ...base, net: arch }))).toBe(
      `--mean and --std are needed: other's dataset "imagenette" has no default`,
    );
  });

  it('replaces only an addersim checkpoint, never another file or the input', () => {
    const notOurs = join(dir, 'notes.txt');
    writeFileSync(notOurs, 'keep me');
    expect(message(() => importCheckpoint({ ...base, out: notOurs }))).toBe(
      `--out ${notOurs} exists and is not an addersim checkpoint; remove it or choose another path`,
    );
    expect(message(() => importCheckpoint({ ...base, out: file }))).toBe(
      `--out must differ from the input file, not ${JSON.stringify(file)}`,
    );
    importCheckpoint(base);
    expect(() => importCheckpoint(base)).not.toThrow();
  });
});
