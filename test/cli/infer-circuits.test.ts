import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/paths.js';
import type { NetworkResult } from '../../src/pipeline/measure.js';
import { hasTool, toolTitle } from '../eda/tools.js';
import { runCli } from '../helpers/cli.js';

/**
 * `infer --mul-circuit FILE.v` / `--sub-circuit FILE.v` (spawns the built CLI): the gate and
 * functional backends print the same result — accuracy, predictions' counts, counters, costs —
 * except the backend's name, the gate backend's toggles, and the cell table's energy, which
 * only toggles give. The multiplier is Verilog exported by `datapath --verilog`; the adder a
 * hand-written LOA.
 */
const LIMIT = '40';
const scratch = mkdtempSync(join(tmpdir(), 'addersim-infer-circuits-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function infer(args: string[], backend: string): NetworkResult {
  const r = runCli([
    'infer',
    '--bits',
    '8',
    '--backend',
    backend,
    '--limit',
    LIMIT,
    '--json',
    '--quiet',
    ...args,
  ]);
  expect([r.code, r.stderr]).toEqual([0, '']);
  return JSON.parse(r.stdout) as NetworkResult;
}

function comparable(r: NetworkResult) {
  const { backend: _, layers, costs, ...rest } = r;
  return {
    ...rest,
    layers: layers.map(({ netlists: _n, ...l }) => l),
    costs: costs.filter((c) => c.kind !== 'asic-cell'),
  };
}

/** Writes the Verilog `datapath --verilog` exports for a generated circuit; returns its path. */
function exported(op: string, arch: string, bits: number): string {
  const file = join(scratch, `${op}-${arch.replace(':', '')}-${bits}.v`);
  const made = runCli([
    'datapath',
    '--op',
    op,
    '--arch',
    arch,
    '--bits',
    String(bits),
    '--verilog',
    file,
    '--quiet',
  ]);
  expect(made.code).toBe(0);
  return file;
}

describe.skipIf(!hasTool('yosys'))(toolTitle('infer with a circuit file', 'yosys'), () => {
  it('CNN with an exported truncated multiplier: gate = functional', () => {
    const file = exported('mul', 'trunc:6', 8);
    const args = [
      '--model',
      fromRoot('models', 'lenet5-bn-cnn.safetensors'),
      '--mul-circuit',
      file,
      '--ports',
      'a,b:product',
    ];
    const f = infer(args, 'functional');
    const g = infer(args, 'gate');
    expect(comparable(g)).toEqual(comparable(f));
    expect(f.datapath.mul).toMatch(/^mul_trunc6_8u@[0-9a-f]{12}$/);
  });

  it('AdderNet with a hand-written LOA as the |x − w| adder: gate = functional', () => {
    const file = fromRoot('test', 'gen', 'import', 'fixtures', 'handwritten', 'loa8_structural.v');
    const args = [
      '--model',
      fromRoot('models', 'lenet5-bn-adder.safetensors'),
      '--sub-circuit',
      file,
    ];
    const f = infer(args, 'functional');
    const g = infer(args, 'gate');
    expect(comparable(g)).toEqual(comparable(f));
    // The same LOA by name: the same accumulators, under another key.
    const named = infer(
      ['--model', fromRoot('models', 'lenet5-bn-adder.safetensors'), '--sub-circuit', 'loa:4'],
      'functional',
    );
    expect(named.correct).toBe(f.correct);
    expect(named.layers.map((l) => l.overflowEvents)).toEqual(
      f.layers.map((l) => l.overflowEvents),
    );
  });
});

describe.skipIf(!hasTool('yosys'))(
  toolTitle('infer with an accumulator circuit file', 'yosys'),
  () => {
    it('AdderNet with an exported 14-bit LOA as every body accumulator: gate = functional = the name', () => {
      const file = exported('add', 'loa:6', 14);
      // 14 bits is below every body layer's overflow-free width, so all of them take it.
      const model = [
        '--model',
        fromRoot('models', 'lenet5-bn-adder.safetensors'),
        '--acc-bits',
        '14',
      ];
      const args = [...model, '--acc-circuit', file, '--ports', 'a,b:sum,cout'];
      const f = infer(args, 'functional');
      const g = infer(args, 'gate');
      expect(comparable(g)).toEqual(comparable(f));
      expect(f.datapath.acc).toMatch(/^loa6_14@[0-9a-f]{12}$/);
      // The same LOA by name: the same accumulators, under another key.
      const named = infer([...model, '--acc-circuit', 'loa:6'], 'functional');
      expect(named.correct).toBe(f.correct);
      expect(named.layers.map((l) => l.overflowEvents)).toEqual(
        f.layers.map((l) => l.overflowEvents),
      );
    });

    it('refuses a circuit of the wrong width for the accumulators, naming the flag', () => {
      const file = exported('add', 'loa:6', 12);
      const r = runCli([
        'infer',
        '--model',
        fromRoot('models', 'lenet5-bn-adder.safetensors'),
        '--acc-bits',
        '16',
        '--acc-circuit',
        file,
        '--ports',
        'a,b:sum,cout',
        '--limit',
        '1',
      ]);
      expect([r.code, r.stderr]).toEqual([
        2,
        "addersim: --acc-circuit loa6_12 must be an adder with its carry-out: 16-bit operands and a 17-bit result for the layer's 16-bit accumulators, not 12 and 12-bit operands and a 13-bit result (layer conv2; --acc-bits sets the body layers' accumulators, up to their overflow-free width, here 16)\n",
      ]);
    });
  },
);

describe.skipIf(!hasTool('yosys'))(toolTitle('sweep over a folder of circuits', 'yosys'), () => {
  it('takes none, names and every netlist in a folder, one point per circuit', () => {
    const folder = join(scratch, 'adders');
    mkdirSync(folder);
    for (const name of ['loa8_structural.v', 'loa8_behavioural.v']) {
      copyFileSync(
        fromRoot('test', 'gen', 'import', 'fixtures', 'handwritten', name),
        join(folder, name),
      );
    }
    const out = join(scratch, 'sweep.jsonl');
    const r = runCli([
      'sweep',
      '--model',
      fromRoot('models', 'lenet5-bn-adder.safetensors'),
      '--sub-circuit',
      `none,loa:4,${folder}`,
      '--table',
      'asic-45nm-horowitz',
      '--limit',
      '20',
      '--out',
      out,
      '--json',
    ]);
    expect(r.code).toBe(0);
    const records = JSON.parse(r.stdout) as { sub?: string; correct: number }[];
    expect(records.map((x) => x.sub?.replace(/@[0-9a-f]{12}$/, '@hash'))).toEqual([
      undefined,
      'loa:4',
      'loa8_behavioural@hash',
      'loa8_structural@hash',
    ]);
    // Three LOA(4) circuits, one function: the same accuracy.
    expect(new Set(records.slice(1).map((x) => x.correct)).size).toBe(1);
  });
});

describe('infer refuses bad circuits in one line', () => {
  it('an unknown name, and a circuit for a slot the model lacks', () => {
    const cnn = fromRoot('models', 'lenet5-bn-cnn.safetensors');
    const bad = runCli(['infer', '--model', cnn, '--mul-circuit', 'wallace:3', '--limit', '1']);
    expect([bad.code, bad.stderr]).toEqual([
      2,
      'addersim: --mul-circuit must be a .v or .json netlist or one of truncmul:K, bam:H:V, not "wallace:3"\n',
    ]);
    const none = runCli(['infer', '--model', cnn, '--sub-circuit', 'loa:3', '--limit', '1']);
    expect([none.code, none.stderr]).toEqual([
      2,
      `addersim: --sub-circuit needs a model with adder layers; ${cnn} has none\n`,
    ]);
  });
});

describe('infer names its circuits', () => {
  it('in the summary, with a note on which tables price them', () => {
    const r = runCli([
      'infer',
      '--model',
      fromRoot('models', 'lenet5-bn-adder.safetensors'),
      '--sub-circuit',
      'loa:2',
      '--acc-circuit',
      'trunc:1',
      '--table',
      'asic-45nm-horowitz,cells-45nm',
      '--limit',
      '2',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(
      'lenet5 addernet, 8-bit, BatchNorm by multiply-shift, functional backend, 2 test images, --sub-circuit loa:2, --acc-circuit trunc:1',
    );
    expect(r.stderr).toContain(
      'note: asic-45nm-horowitz prices the counted operations, the same whatever circuit does them; only cell tables (--table cells-45nm) price the circuits\n',
    );
  });
});
