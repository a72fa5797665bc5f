import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/paths.js';
import { runCli } from '../helpers/cli.js';

const ADDER = fromRoot('models', 'lenet5-bn-adder.safetensors');
const dir = mkdtempSync(join(tmpdir(), 'addersim-cli-sweep-'));
const base = [
  'sweep',
  '--model',
  ADDER,
  '--bits',
  '4,6,8',
  '--acc-bits',
  '12,full',
  '--limit',
  '50',
  '--threads',
  '2',
];

describe('addersim sweep', () => {
  it('runs on worker threads, and a resumed run writes the same file as a whole one', () => {
    const whole = join(dir, 'whole.jsonl');
    const r = runCli([...base, '--out', whole]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^bits\s+acc\s+adder/);
    expect(r.stderr).toBe(`${whole}: 6 points (0 resumed, 6 computed)\n`);
    const expected = readFileSync(whole, 'utf8');
    const [header, ...lines] = expected.trim().split('\n');
    expect(JSON.parse(header).addersim).toBe('sweep');
    expect(lines.map((l) => JSON.parse(l).index)).toEqual([0, 1, 2, 3, 4, 5]);
    const cut = join(dir, 'cut.jsonl');
    writeFileSync(cut, `${header}\n${lines[4]}\n${lines[1]}\n${lines[0].slice(0, 30)}`);
    const resumed = runCli([...base, '--out', cut]);
    expect(resumed.stderr).toBe(`${cut}: 6 points (2 resumed, 4 computed)\n`);
    expect(readFileSync(cut, 'utf8')).toBe(expected);
  });

  it('--json prints the records; --quiet prints nothing', () => {
    const out = join(dir, 'json.jsonl');
    const r = runCli([...base, '--out', out, '--json']);
    const records = JSON.parse(r.stdout);
    expect(records).toHaveLength(6);
    expect(records[0]).toMatchObject({
      bits: 4,
      accBits: 12,
      adder: 'ripple-carry',
      table: 'asic-45nm-horowitz',
      images: 50,
    });
    const q = runCli([...base, '--out', out, '--quiet']);
    expect([q.code, q.stdout, q.stderr]).toEqual([0, '', '']);
  });

  it.each([
    [
      ['--bits', '4,x'],
      '--bits must be a comma-separated list of integers from 2 to 16, not "4,x"',
    ],
    [
      ['--adder', 'ripple-carry,fast'],
      '--adder must be a comma-separated list of ripple-carry, carry-lookahead, carry-select, carry-skip, carry-increment, conditional-sum, kogge-stone, brent-kung, sklansky, han-carlson, ladner-fischer, not "fast"',
    ],
    [
      ['--acc-bits', '0'],
      '--acc-bits must be a comma-separated list of integers from 1 to 64 or full, not "0"',
    ],
  ])('bad input %j: one line, exit 2', (extra, message) => {
    const r = runCli(['sweep', '--model', ADDER, '--out', join(dir, 'bad.jsonl'), ...extra]);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `addersim: ${message}\n`]);
  });
});
