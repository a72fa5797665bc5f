import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AsicCellTable } from '../../src/cost/table-types.js';
import { loadTable } from '../../src/cost/tables.js';
import { cellDelaysPs } from '../../src/cost/timing.js';
import { buildDatapath } from '../../src/gen/build-datapath.js';
import { UNIT_DELAYS } from '../../src/sim/delays.js';
import { runCli } from '../helpers/cli.js';
import { naiveTimingToggles } from '../sim/timing-golden.js';

const dir = mkdtempSync(join(tmpdir(), 'addersim-datapath-'));

function popcount(x: bigint): number {
  let n = 0;
  for (let v = x; v > 0n; v >>= 1n) n += Number(v & 1n);
  return n;
}

/** Sum bits and carry-outs of every full adder of an n-bit ripple-carry adder, by BigInt. */
function rippleNets(
  a: bigint,
  b: bigint,
  cin: bigint,
  n: number,
): { sums: bigint; carries: bigint } {
  let carries = 0n;
  for (let i = 0; i < n; i++) {
    const mask = (1n << BigInt(i + 1)) - 1n;
    const carry = ((a & mask) + (b & mask) + cin) >> BigInt(i + 1);
    carries |= carry << BigInt(i);
  }
  return { sums: (a + b + cin) & ((1n << BigInt(n)) - 1n), carries };
}

describe('addersim datapath --activity, --input, --verilog, --vcd', () => {
  const vectors: [bigint, bigint, bigint][] = [
    [3n, 5n, 0n],
    [255n, 255n, 1n],
    [0x5an, 0xa5n, 0n],
    [17n, 200n, 1n],
  ];
  const csv = join(dir, 'v.csv');
  writeFileSync(csv, `a,b,cin\n${vectors.map((v) => v.join(',')).join('\n')}\n`);

  it('counts toggles of a user-given stream like a bit-level model of the ripple adder', () => {
    const r = runCli([
      'datapath',
      '--op',
      'add',
      '--bits',
      '8',
      '--activity',
      '--input',
      csv,
      '--json',
    ]);
    expect(r.code).toBe(0);
    const activity = JSON.parse(r.stdout).activity;
    let inputToggles = 0;
    let faToggles = 0;
    for (let t = 1; t < vectors.length; t++) {
      const [a0, b0, c0] = vectors[t - 1];
      const [a1, b1, c1] = vectors[t];
      inputToggles += popcount(a0 ^ a1) + popcount(b0 ^ b1) + popcount(c0 ^ c1);
      const p = rippleNets(a0, b0, c0, 8);
      const q = rippleNets(a1, b1, c1, 8);
      faToggles += popcount(p.sums ^ q.sums) + popcount(p.carries ^ q.carries);
    }
    expect(activity.vectors).toBe(4);
    expect(activity.transitions).toBe(3);
    expect(activity.byKind).toEqual([
      { source: 'fa', count: 8, nets: 16, toggles: faToggles, rate: faToggles / 48 },
      { source: 'input', count: 17, nets: 17, toggles: inputToggles, rate: inputToggles / 51 },
    ]);
    expect(activity.note).toMatch(/glitches are not modelled/);
  });

  it('counts glitches under --delay-model unit and table like a time-stepped model', () => {
    const { netlist } = buildDatapath({ op: 'add', bits: 8 });
    const stream = {
      a: vectors.map((v) => v[0]),
      b: vectors.map((v) => v[1]),
      cin: vectors.map((v) => v[2]),
    };
    const table = cellDelaysPs(loadTable('cells-45nm') as AsicCellTable);
    for (const [model, delays] of [
      ['unit', UNIT_DELAYS],
      ['table', table],
    ] as const) {
      const r = runCli([
        'datapath',
        '--op',
        'add',
        '--bits',
        '8',
        '--activity',
        '--input',
        csv,
        '--delay-model',
        model,
        '--json',
      ]);
      expect(r.code).toBe(0);
      const activity = JSON.parse(r.stdout).activity;
      const golden = naiveTimingToggles(netlist, stream, vectors.length, delays);
      const sum = (nets: number[]) => nets.reduce((s, n) => s + golden[n], 0);
      const fa = sum(netlist.cells.flatMap((c) => c.outputs));
      const inputs = sum(netlist.inputs.flatMap((p) => p.bits));
      expect(activity.delayModel).toBe(model);
      expect(activity.byKind.map((k: { toggles: number }) => k.toggles)).toEqual([fa, inputs]);
      expect(activity.totalToggles).toBe(fa + inputs);
      expect(activity.note).toMatch(/^timing-aware toggle counts/);
    }
    const text = runCli(['datapath', '--op', 'add', '--activity', '--delay-model', 'table']);
    expect(text.stdout).toMatch(
      /^switching activity over 1000 vectors \(999 transitions\), \d+ toggles in all, cells-45nm gate delays \(settles after \d+ ps\)$/m,
    );
  });

  it('counts more toggles for an 8x8 array multiplier with unit delays than with zero delays', () => {
    const total = (model: string) => {
      const r = runCli(
        ['datapath', '--op', 'mul', '--arch', 'array', '--bits', '8', '--activity'].concat([
          '--delay-model',
          model,
          '--json',
        ]),
      );
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout).activity.totalToggles as number;
    };
    const zero = total('zero');
    // The zero-delay count is a lower bound of every delay model's: glitches only add toggles.
    expect(total('unit')).toBeGreaterThan(zero);
    expect(total('table')).toBeGreaterThan(zero);
  });

  it('writes Verilog and a VCD waveform of the vectors', () => {
    const v = join(dir, 'pe.v');
    const vcd = join(dir, 'pe.vcd');
    const r = runCli([
      'datapath',
      '--op',
      'pe-adder',
      '--bits',
      '8',
      '--vectors',
      '64',
      '--verilog',
      v,
      '--vcd',
      vcd,
      '--quiet',
    ]);
    expect(r.code).toBe(0);
    expect(readFileSync(v, 'utf8')).toMatch(/^module pe_adder_8u_s1\b/m);
    const wave = readFileSync(vcd, 'utf8');
    expect(wave).toContain('$enddefinitions $end');
    expect(wave).toMatch(/\$var wire 8 \S+ x \[7:0\] \$end/);
  });

  it('rejects a vector file whose header does not name the input ports', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'a,b\n1,2\n');
    const r = runCli(['datapath', '--op', 'add', '--activity', '--input', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `addersim: ${bad}: the header must name the input ports a, b, cin, not a, b\n`,
    );
  });

  it('rejects a value that does not fit its port', () => {
    const bad = join(dir, 'wide.csv');
    writeFileSync(bad, 'a,b,cin\n256,0,0\n');
    const r = runCli(['datapath', '--op', 'add', '--activity', '--input', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`addersim: ${bad}: line 2, a must fit 8 bits (-128 to 255), not 256\n`);
  });
});
