import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const NAMES = 'lenet5, resnet18, resnet20, resnet32, resnet50, vgg-small';

describe('addersim budget', () => {
  for (const arch of ['lenet5', 'vgg-small', 'resnet20', 'resnet32', 'resnet18', 'resnet50']) {
    it(`--arch ${arch} --json prints the full budget`, () => {
      const r = runCli(['budget', '--net', arch, '--json']);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      const out = JSON.parse(r.stdout);
      expect(out.net).toBe(arch);
      expect(out.source).toMatch(/github\.com|LeCun/);
      expect(Object.keys(out.conventions)).toEqual(
        expect.arrayContaining([
          'paper',
          'adderTap',
          'multiplyTap',
          'binaryTap',
          'memory',
          'batchnorm',
        ]),
      );
      for (const v of ['cnn', 'addernet', 'bnn']) {
        const t = out.totals[v];
        for (const key of [
          'mul',
          'add',
          'sub',
          'abs',
          'xnor',
          'popcount',
          'bn',
          'cmp',
          'params',
          'memReads',
          'memWrites',
          'paperMul',
          'paperAdd',
          'paperXnor',
        ]) {
          expect(Number.isSafeInteger(t[key]), `${v}.${key}`).toBe(true);
        }
      }
      expect(out.totals.addernet.paperAdd).toBe(2 * out.totals.cnn.paperMul);
      const conv = out.layers.find((l: { op: string }) => l.op === 'conv' || l.op === 'linear');
      expect(Object.keys(conv.cnn.work)).toEqual([
        'name',
        'kind',
        'M',
        'N',
        'K',
        'operandBits',
        'accBits',
        'inputElements',
      ]);
    });
  }

  it('prints the same bytes on every run', () => {
    const a = runCli(['budget', '--net', 'resnet20', '--json', '--bits', '6']);
    const b = runCli(['budget', '--net', 'resnet20', '--json', '--bits', '6']);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).bits).toBe(6);
  });

  it('prints an aligned totals table, with the convention note on stderr', () => {
    const r = runCli(['budget', '--net', 'resnet20']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^resnet20 \(8-bit\)\s+cnn\s+addernet\s+bnn$/);
    // ResNet-20 MACs: 40,813,184 (stem 442,368 + body 40,370,176 + classifier 640).
    expect(lines.find((l) => l.startsWith('paper #Mul'))).toMatch(/40,813,184\s+0\s+0$/);
    expect(lines.find((l) => l.startsWith('paper #Add'))).toMatch(
      /40,813,184\s+81,626,368\s+40,813,184$/,
    );
    expect(r.stderr).toContain('paper = AdderNet paper convention');
    expect(runCli(['budget', '--net', 'resnet20', '--quiet']).stderr).toBe('');
  });

  it('prints the per-layer table of one variant', () => {
    const r = runCli(['budget', '--net', 'lenet5', '--variant', 'addernet', '--quiet']);
    expect(r.code).toBe(0);
    const [layerTable, totalsTable] = r.stdout.trimEnd().split('\n\n');
    const lines = layerTable.split('\n');
    expect(lines[0]).toMatch(
      /^layer\s+op\s+kind\s+output\s+M\s+N\s+K\s+acc\s+mul\s+add\s+sub\s+abs/,
    );
    // conv2 as an adder layer: 10x10 outputs, 16 filters, K = 6·25 = 150, 240,000 taps;
    // accumulator bitLength(150·255 = 38,250) = 16.
    expect(lines.find((l) => l.startsWith('conv2'))).toMatch(
      /^conv2\s+conv\s+adder\s+16x10x10\s+100\s+16\s+150\s+16\s+0\s+240,000\s+240,000\s+240,000\s/,
    );
    expect(lines[lines.length - 1]).toMatch(/^total\s/);
    expect(totalsTable.split('\n')[0]).toMatch(/^lenet5 \(8-bit\)\s+addernet$/);
    // The BNN table names the ReLUs it replaced by hardtanh.
    const bnn = runCli(['budget', '--net', 'lenet5', '--variant', 'bnn', '--quiet']).stdout;
    expect(bnn).toMatch(/^relu1\s+hardtanh\s/m);
  });

  it('prices the totals on a cost table', () => {
    const r = runCli(['budget', '--net', 'lenet5', '--table', 'asic-40nm-aladdin']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^energy compute \(uJ, asic-40nm-aladdin\)(\s+\d+\.?\d*){3}$/m);
    expect(r.stdout).toMatch(/^energy memory \(uJ\)\s+n\/a\s+n\/a\s+n\/a$/m);
    expect(r.stderr).toContain(
      'note: asic-40nm-aladdin has no sram-read or sram-write row: memory energy is not priced',
    );
    const json = JSON.parse(
      runCli(['budget', '--net', 'lenet5', '--table', 'asic-45nm-horowitz', '--json']).stdout,
    );
    for (const v of ['cnn', 'addernet', 'bnn']) {
      const e = json.totals[v].energy;
      expect(e.table).toBe('asic-45nm-horowitz');
      expect(e.totalPj).toBeCloseTo(e.computePj + e.memoryPj, 6);
      expect(e.provenance.length).toBeGreaterThan(0);
    }
    const bad = runCli(['budget', '--net', 'lenet5', '--table', 'cpu-x86-skylake']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'addersim: table cpu-x86-skylake (cpu) cannot price operation counts: it prices layer taps (cycles per core)\n',
    );
  });

  it('prints per-layer CSV rows for every variant', () => {
    const r = runCli(['budget', '--net', 'lenet5', '--csv']);
    expect(r.code).toBe(0);
    const rows = r.stdout.trimEnd().split('\n');
    expect(rows[0].split(',').slice(0, 6)).toEqual([
      'variant',
      'id',
      'op',
      'role',
      'kind',
      'inShape',
    ]);
    expect(rows).toHaveLength(1 + 3 * 18); // lenet5 has 18 nodes
    // BNN conv2 reads pool1's 6·14·14 = 1,176 signs and 2,400 one-bit weights (3,576 values,
    // 3,576 bits) and writes its 1,600 population counts (one per output, 240,000 popcount
    // additions) at bitLength(150) = 8 bits.
    expect(rows).toContain(
      'bnn,conv2,conv,body,binary,6x14x14,16x10x10,100,16,150,1,8,8,0,2400,0,0,0,0,240000,240000,1600,0,0,3576,1600,3576,12800,2400,2400,0,240000,240000',
    );
    const one = runCli(['budget', '--net', 'lenet5', '--csv', '--variant', 'cnn']);
    expect(one.stdout.trimEnd().split('\n')).toHaveLength(1 + 18);
  });

  it('reads an architecture file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'addersim-budget-'));
    const file = join(dir, 'tiny.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'tiny',
        dataset: 'none',
        source: 'test',
        nodes: [
          { id: 'input', op: 'input', shape: [4] },
          { id: 'fc', op: 'linear', role: 'classifier', outFeatures: 2 },
        ],
      }),
    );
    const r = runCli(['budget', '--net', file, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).totals.cnn.paperMul).toBe(8);
  });

  it('rejects bad flags with one line and exit code 2', () => {
    const cases: [string[], string][] = [
      [
        ['--net', 'resnet19'],
        `--net must be one of ${NAMES} or an existing .json architecture file, not "resnet19"`,
      ],
      [['--net', 'resnet20', '--bits', '1'], '--bits must be an integer from 2 to 32, not 1'],
      [['--net', 'resnet20', '--bits', 'x'], '--bits must be an integer from 2 to 32, not "x"'],
      [
        ['--net', 'resnet20', '--variant', 'snn'],
        '--variant must be one of cnn, addernet, bnn, not "snn"',
      ],
      [['--net', 'resnet20', '--json', '--csv'], '--json and --csv cannot be given together'],
    ];
    for (const [args, message] of cases) {
      const r = runCli(['budget', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`addersim: ${message}\n`);
    }
  });

  it('lists the architectures and an example in --help', () => {
    const r = runCli(['budget', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(`architecture: ${NAMES}`);
    expect(r.stdout).toContain('Examples:');
  });
});

describe('addersim budget --table prices memory by capacity', () => {
  it('gives LeNet-5, ResNet-20 and ResNet-50 their own footprints on the default accelerator', () => {
    const levels = (net: string) => {
      const r = runCli(['budget', '--net', net, '--table', 'asic-45nm-horowitz', '--json']);
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout).totals.cnn.energy.memoryLevels;
    };
    const lenet = levels('lenet5');
    const resnet20 = levels('resnet20');
    const resnet50 = levels('resnet50');
    // 61,942 int8 weights fit the 64 KiB weight buffer; 272,484 and 25,559,032 do not.
    expect(lenet.weightsResident).toBe(true);
    expect(resnet20.weightsResident).toBe(false);
    expect(resnet50.weightsResident).toBe(false);
    for (const m of [lenet, resnet20, resnet50]) {
      expect(m.accelerator).toBe('accelerator-default');
      expect(m.levels.map((l: { level: string }) => l.level)).toEqual([
        'weight buffer',
        'activation buffer',
        'DRAM',
      ]);
    }
    // Weights not resident are read from DRAM at least once: 8 bits x 1300 / 64 pJ each.
    const dram = (m: typeof lenet) => m.levels[2].energyPj as number;
    expect(dram(resnet20)).toBeGreaterThanOrEqual((272_484 - 2_000) * 8 * (1300 / 64));
    expect(dram(resnet50)).toBeGreaterThan(dram(resnet20));
    expect(dram(lenet)).toBeLessThan(dram(resnet20));
  });
});
