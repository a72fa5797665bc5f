import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/paths.js';
import { runCli } from '../helpers/cli.js';
import { escapeRegExp } from '../helpers/regexp.js';

const fixture = (name: string) => fromRoot('test', 'fixtures', 'pytorch', name);
const NET = fixture('resnet-tiny.json');
const fresh = () => mkdtempSync(join(tmpdir(), 'addersim-cli-import-'));
const ALLOWED =
  'collections.OrderedDict, torch._utils._rebuild_tensor_v2, torch._utils._rebuild_parameter, torch._utils._rebuild_parameter_with_state, torch.*Storage, torch.storage.UntypedStorage, torch dtypes';

describe('addersim import', () => {
  it('converts a checkpoint and prints one line; a note names the default normalisation', () => {
    const out = join(fresh(), 'tiny.safetensors');
    const file = fixture('resnet-tiny.legacy.pth');
    const r = runCli(['import', file, '--net', NET, '--variant', 'addernet', '--out', out]);
    expect(r.code).toBe(0);
    const number = '-?\\d+(\\.\\d+)?';
    expect(r.stdout).toMatch(
      new RegExp(
        `^${escapeRegExp(file)}: pytorch-legacy, 25 tensors \\(1236 values, 5 num_batches_tracked ignored\\) -> resnet-tiny addernet, adder weights ${number} to ${number} -> ${escapeRegExp(out)}\\n$`,
      ),
    );
    expect(r.stderr).toBe(
      "note: normalisation is cifar10's usual mean 0.4914,0.4822,0.4465 std 0.247,0.2435,0.2616; give --mean and --std if the network was trained with others\n",
    );
  });

  it('prints JSON with --json, and no note with --quiet', () => {
    const out = join(fresh(), 'tiny.safetensors');
    const args = ['import', fixture('resnet-tiny.zip.pth'), '--net', NET, '--variant', 'addernet'];
    const more = ['--out', out, '--mean', '0.5,0.5,0.5', '--std', '0.25,0.25,0.25'];
    const r = runCli([...args, ...more, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({
      format: 'pytorch-zip',
      net: 'resnet-tiny',
      variant: 'addernet',
      dataset: 'cifar10',
      tensors: 25,
      ignored: 5,
      mean: [0.5, 0.5, 0.5],
      std: [0.25, 0.25, 0.25],
      out,
    });
    expect(j.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(j.adderWeights.min).toBeLessThan(j.adderWeights.max);
    const quiet = runCli([...args, '--out', out, '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
  });

  it.each([
    ['evil-os-system.legacy.pth', 'os.system'],
    ['evil-popen.legacy.pth', 'subprocess.Popen'],
    ['evil-eval.zip.pth', 'builtins.eval'],
    ['evil-inst.legacy.pth', 'os.system'],
  ])('never runs %s: exit 2, one line, no file created', (name, global) => {
    const cwd = fresh();
    const file = fixture(name);
    const r = runCli(
      ['import', file, '--net', NET, '--variant', 'addernet', '--out', 'out.safetensors'],
      { cwd },
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `addersim: ${file}: pickle global ${global} is not allowed (allowed: ${ALLOWED})\n`,
    );
    // Each payload would have created pwned-<something> here.
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('refuses bad files and flags with one line, exit 2', () => {
    const dir = fresh();
    const out = join(dir, 'o.safetensors');
    const ok = fixture('resnet-tiny.zip.pth');
    const base = ['--net', NET, '--variant', 'addernet', '--out', out];
    const cases: [string[], string][] = [
      [
        [fixture('truncated-zip.pth'), ...base],
        `${fixture('truncated-zip.pth')}: zip has no end-of-central-directory record (truncated or not a zip)`,
      ],
      [
        [fixture('evil-storage-call.zip.pth'), ...base],
        `${fixture('evil-storage-call.zip.pth')}: pickle calls torch.FloatStorage, which is not allowed (callable: collections.OrderedDict, torch._utils._rebuild_tensor_v2, torch._utils._rebuild_parameter, torch._utils._rebuild_parameter_with_state) (REDUCE at byte 25)`,
      ],
      [[join(dir, 'none.pth'), ...base], `checkpoint ${join(dir, 'none.pth')} does not exist`],
      [
        [ok, '--net', NET, '--variant', 'mlp', '--out', out],
        '--variant must be one of cnn, addernet, bnn, not "mlp"',
      ],
      [
        [ok, ...base, '--mean', '0.5,x,0.5', '--std', '1,1,1'],
        '--mean must be a number from -1000 to 1000, not "x"',
      ],
      [
        [ok, ...base, '--mean', '0,0,0', '--std', '1,0,1'],
        '--std must be a number above 0 and at most 1000, not 0',
      ],
      [
        [ok, ...base, '--map', 'a=b=c'],
        '--map must be comma-separated old=new rules of dot-separated names, not "a=b=c"',
      ],
      [
        [ok, '--net', 'lenet5', '--variant', 'addernet', '--out', out],
        `${ok}: tensor module.conv1.weight (as conv1.weight) must have shape [6,1,5,5] in lenet5 (addernet), not [4,3,3,3]`,
      ],
    ];
    for (const [args, message] of cases) {
      const r = runCli(['import', ...args]);
      expect({ args, code: r.code, stderr: r.stderr }).toEqual({
        args,
        code: 2,
        stderr: `addersim: ${message}\n`,
      });
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});
