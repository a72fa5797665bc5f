import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { netlistFor, weightLayerSpec } from '../../src/engine/gate/netlists.js';
import { DEFAULT_DATAPATH } from '../../src/engine/run.js';
import { fromRoot } from '../../src/paths.js';
import { gateNetLanes } from '../../src/pipeline/gate-time.js';
import { prepareNetwork } from '../../src/pipeline/prepare.js';
import { runCli } from '../helpers/cli.js';
import { escapeRegExp } from '../helpers/regexp.js';

/**
 * Bounded work: simulations too long for --max-seconds are refused before they start, in one
 * line naming what was asked, the estimate and the flag; and every width range the help
 * documents is exactly the accepted one (both ends accepted, one beyond each refused).
 */
function refused(args: string[], message: string): void {
  const r = runCli(args);
  expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `addersim: ${message}\n`]);
}

describe('--max-seconds', () => {
  it('refuses a runaway --verify, --activity or --vcd before it starts, naming the flag', () => {
    refused(
      ['datapath', '--op', 'mul', '--bits', '64', '--verify', '--vectors', '1000000'],
      '--verify over 1000000 vectors of mul_array_64u (12290 nets) takes about 102 min, over the --max-seconds limit of 600 s; give fewer --vectors or raise --max-seconds',
    );
    refused(
      [
        'datapath',
        '--op',
        'popcount',
        '--bits',
        '1024',
        '--activity',
        '--vectors',
        '10000000',
        '--max-memory',
        '100',
      ],
      '--activity over 10000000 vectors of popcount_1024 (3072 nets) takes about 51 min, over the --max-seconds limit of 600 s; give fewer --vectors or raise --max-seconds',
    );
    // An exhaustive --verify counts every input pattern (2^16 for an 8x8 multiplier).
    refused(
      ['datapath', '--op', 'mul', '--bits', '8', '--verify', '--max-seconds', '0.01'],
      '--verify over 65536 vectors of mul_array_8u (194 nets) takes about 6 s, over the --max-seconds limit of 0.01 s; give fewer --vectors or raise --max-seconds',
    );
    refused(
      ['datapath', '--op', 'add', '--verify', '--max-seconds', '0'],
      '--max-seconds must be a number above 0 and at most 10000000, not 0',
    );
  });

  it('--max-seconds raises the limit', () => {
    const r = runCli(['datapath', '--op', 'add', '--verify', '--max-seconds', '30', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).verify).toMatchObject({ mode: 'exhaustive', failed: 0 });
  });

  it('refuses a gate-level infer too long for it before any image runs', () => {
    const model = fromRoot('models', 'lenet5-bn-adder.safetensors');
    const args = ['infer', '--model', model, '--backend', 'gate', '--threads', '2'];
    const r = runCli([...args, '--max-seconds', '20']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(
      new RegExp(
        `^addersim: --backend gate over 10000 images of ${escapeRegExp(model)} \\([0-9,]+ net evaluations\\) takes about \\d+ (s|min) on 2 threads, over the --max-seconds limit of 20 s; give fewer images \\(--limit\\) or raise --max-seconds\n$`,
      ),
    );
    // A hundredth of the images is estimated at a hundredth of the time: under the limit.
    const ok = runCli([
      ...args,
      '--max-seconds',
      '20',
      '--limit',
      '100',
      '--quiet',
      '--table',
      'cells-45nm',
    ]);
    expect(ok.code).toBe(0);
  });

  it('refuses a sweep whose gate-level runs are too long for it, leaving no file', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'addersim-bounded-')), 'sweep.jsonl');
    const model = fromRoot('models', 'lenet5-bn-adder.safetensors');
    const args = [
      'sweep',
      '--model',
      model,
      '--sub-circuit',
      'none,loa:2,loa:4',
      '--table',
      'cells-45nm',
    ];
    const r = runCli([
      ...args,
      '--gate-images',
      '1000',
      '--threads',
      '2',
      '--out',
      out,
      '--max-seconds',
      '10',
    ]);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(
      new RegExp(
        `^addersim: --gate-images 1000 over 3 gate-level runs of ${escapeRegExp(model)} \\([0-9,]+ net evaluations\\) takes about \\d+ (s|min) on 2 threads, over the --max-seconds limit of 10 s; give fewer --gate-images or points, or raise --max-seconds\n$`,
      ),
    );
    expect(existsSync(out)).toBe(false);
    // The same points on a table priced from counts run no netlist: nothing to bound.
    const counted = runCli([
      ...args.slice(0, -2),
      '--table',
      'asic-45nm-horowitz',
      '--limit',
      '20',
      '--gate-images',
      '1000',
      '--out',
      out,
      '--max-seconds',
      '10',
      '--quiet',
    ]);
    expect(counted.code).toBe(0);
  });
});

describe('the gate-level estimate', () => {
  it("counts every weight layer of LeNet-5 as outputs · (taps + 1) · its netlist's nets", () => {
    const prepared = prepareNetwork(fromRoot('models', 'lenet5-bn-adder.safetensors'), { bits: 8 });
    const weights = prepared.graph.nodes.filter((n) => n.op === 'weight');
    // LeNet-5 by hand: outputs (positions · channels) and taps of conv1, conv2, fc1, fc2, fc3.
    const shapes = [
      [28 * 28 * 6, 25],
      [10 * 10 * 16, 150],
      [120, 400],
      [84, 120],
      [10, 84],
    ];
    expect(weights.map((w) => w.id)).toEqual(['conv1', 'conv2', 'fc1', 'fc2', 'fc3']);
    const expected = weights.reduce(
      (sum, w, i) =>
        sum +
        shapes[i][0] *
          (shapes[i][1] + 1) *
          netlistFor(weightLayerSpec(w, DEFAULT_DATAPATH)).netCount,
      0,
    );
    expect(gateNetLanes(prepared.graph, DEFAULT_DATAPATH)).toBe(expected);
  });
});

/** main in this process with its output captured. */
async function run(args: string[]): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const so = process.stdout.write;
  const se = process.stderr.write;
  process.stdout.write = (() => true) as typeof so;
  process.stderr.write = ((s: string) => err.push(String(s)) > 0) as typeof se;
  try {
    const code = await main(args);
    return { code, err: err.join('') };
  } finally {
    process.stdout.write = so;
    process.stderr.write = se;
    process.exitCode = undefined;
  }
}

/** The `--bits` paragraph of a command's help, on one line. */
function bitsHelp(command: string): string {
  const help = runCli([command, '--help']).stdout.replace(/\s+/g, ' ');
  const m = [...help.matchAll(/--bits ([^[]*?) \[(?:number|string)\]/g)].find((x) =>
    /\d+ to \d+/.test(x[1]),
  );
  expect(m, `${command} --help documents --bits`).toBeDefined();
  return m![1];
}

describe('documented width ranges are the accepted ones', () => {
  const datapath = bitsHelp('datapath');
  const groups = [...datapath.matchAll(/([a-z0-9, -]+): (\d+) to (\d+)/g)].map((m) => ({
    ops: m[1]
      .replace(/^.*\(/, '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    lo: Number(m[2]),
    hi: Number(m[3]),
  }));

  it('datapath --help gives a range for every op', () => {
    expect(groups.flatMap((g) => g.ops).length).toBeGreaterThanOrEqual(12);
  });

  it.each(groups.flatMap((g) => g.ops.map((op) => [op, g.lo, g.hi] as const)))(
    'datapath --op %s: %i and %i accepted, one beyond refused',
    async (op, lo, hi) => {
      for (const bits of [lo, hi]) {
        const r = await run(['datapath', '--op', op, '--bits', String(bits)]);
        expect([bits, r.code, r.err]).toEqual([bits, 0, '']);
      }
      for (const bits of [lo - 1, hi + 1]) {
        const r = await run(['datapath', '--op', op, '--bits', String(bits)]);
        expect([bits, r.code]).toEqual([bits, 2]);
        expect(r.err).toMatch(/^addersim: --bits .*\n$/);
      }
    },
  );

  it.each([
    ['budget', ['--net', 'lenet5']],
    ['infer', ['--model', 'models/lenet5-bn-cnn.safetensors', '--limit', '1', '--threads', '1']],
    [
      'sweep',
      [
        '--model',
        'models/lenet5-bn-cnn.safetensors',
        '--limit',
        '1',
        '--threads',
        '1',
        '--out',
        join(mkdtempSync(join(tmpdir(), 'addersim-bits-')), 's.jsonl'),
      ],
    ],
    ['report', ['--limit', '1']],
  ])('%s --bits: the documented range', async (command, rest) => {
    const m = /\((\d+) to (\d+)[);]/.exec(bitsHelp(command));
    expect(m).not.toBeNull();
    const [lo, hi] = [Number(m![1]), Number(m![2])];
    for (const bits of [lo - 1, hi + 1]) {
      const r = await run([command, ...rest, '--bits', String(bits)]);
      expect([bits, r.code]).toEqual([bits, 2]);
      expect(r.err).toMatch(new RegExp(`^addersim: --bits .*${bits}.*\\n$`));
    }
    // Accepting the ends means running: cheap for budget and infer on one image. The help of
    // infer says the widest widths may need --bn thresholds (multiply-shift adders <= 52 bits).
    if (command === 'budget' || command === 'infer') {
      for (const bits of [lo, hi]) {
        const bn = command === 'infer' ? ['--bn', 'thresholds'] : [];
        const r = await run([command, ...rest, ...bn, '--bits', String(bits)]);
        expect([bits, r.code]).toEqual([bits, 0]);
      }
    }
  });

  it('infer at 16 bits under multiply-shift: refused in one line naming the flags to change', async () => {
    const r = await run([
      'infer',
      '--model',
      'models/lenet5-bn-cnn.safetensors',
      '--limit',
      '1',
      '--threads',
      '1',
      '--bits',
      '16',
    ]);
    expect([r.code, r.err]).toEqual([
      2,
      'addersim: bn2: the multiply-shift adder must be at most 52 bits wide (exact in float64), not 55 (accumulator 39 + 16 bits); use --bn thresholds or fewer --bits\n',
    ]);
  });
});

describe('--progress', () => {
  // About 3 s of simulation on an idle core: past the second after which progress shows.
  const verify = [
    'datapath',
    '--op',
    'mul',
    '--bits',
    '12',
    '--verify',
    '--vectors',
    '65536',
    '--json',
  ];
  it('shows progress lines on stderr where there is no terminal, results unchanged', () => {
    const plain = runCli(verify);
    const shown = runCli([...verify, '--progress']);
    expect([plain.code, plain.stderr]).toEqual([0, '']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toBe(plain.stdout);
    expect(shown.stderr).toMatch(/^verify \[[█░]+\] \d+\/65536/m);
  });
});
