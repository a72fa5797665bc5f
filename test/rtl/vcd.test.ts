import { describe, expect, it } from 'vitest';
import { rippleCarry } from '../../src/gen/adders/ripple-carry.js';
import { NetlistBuilder } from '../../src/ir/builder.js';
import type { Netlist } from '../../src/ir/netlist.js';
import { toVcd } from '../../src/rtl/vcd.js';
import { ReferenceSimulator } from '../../src/sim/reference.js';
import { traceNets } from '../../src/sim/trace.js';

/** A minimal VCD reader: signal name -> list of [time, value bits] changes. */
function readVcd(text: string) {
  const ids = new Map<string, string>();
  const changes = new Map<string, [number, string][]>();
  let time = 0;
  for (const line of text.split('\n')) {
    const v = /^\$var wire (\d+) (\S+) (\S+)/.exec(line);
    if (v) {
      ids.set(v[2], v[3]);
      changes.set(v[3], []);
      continue;
    }
    if (line.startsWith('#')) time = Number(line.slice(1));
    else if (/^b[01]+ /.test(line)) {
      const [bits, id] = line.slice(1).split(' ');
      changes.get(ids.get(id)!)!.push([time, bits]);
    } else if (/^[01]\S/.test(line)) changes.get(ids.get(line.slice(1))!)!.push([time, line[0]]);
  }
  return changes;
}

/** Value of a signal at `time`: its last change at or before then. */
function at(changes: [number, string][], time: number): bigint {
  let value = '';
  for (const [t, v] of changes) if (t <= time) value = v;
  return BigInt(`0b${value}`);
}

function accumulator(): Netlist {
  const b = new NetlistBuilder('acc3');
  const x = b.input('x', 3);
  const regs = Array.from({ length: 3 }, () => b.registerLater());
  const { sum } = rippleCarry(
    b,
    regs.map((r) => r.q),
    x,
  );
  regs.forEach((r, i) => r.drive(sum[i]));
  b.output(
    'acc',
    regs.map((r) => r.q),
  );
  return b.build();
}

describe('VCD dump', () => {
  it('writes the IEEE 1364 header, scopes and initial values', () => {
    const b = new NetlistBuilder('inv');
    const a = b.input('a', 1);
    b.output('y', [b.not(a[0])]);
    const netlist = b.build();
    const text = toVcd(netlist, traceNets(netlist, [{ a: 0n }, { a: 1n }, { a: 1n }]));
    expect(text).toBe(
      [
        '$version addersim $end',
        '$timescale 1ns $end',
        '$scope module inv $end',
        '$var wire 1 ! a $end',
        '$var wire 1 " y $end',
        '$upscope $end',
        '$enddefinitions $end',
        '#0',
        '$dumpvars',
        '0!',
        '1"',
        '$end',
        '#10',
        '1!',
        '0"',
        '',
      ].join('\n'),
    );
  });

  it('records a sequential netlist cycle by cycle, with clk and internal nets', () => {
    const netlist = accumulator();
    const xs = [3n, 1n, 6n, 7n, 0n, 2n];
    const vcd = readVcd(
      toVcd(
        netlist,
        traceNets(
          netlist,
          xs.map((x) => ({ x })),
        ),
        { internal: true },
      ),
    );
    const sim = new ReferenceSimulator(netlist);
    xs.forEach((x, t) => {
      sim.setInputs({ x });
      expect(at(vcd.get('clk')!, 10 * t)).toBe(0n);
      expect(at(vcd.get('x')!, 10 * t)).toBe(x);
      expect(at(vcd.get('acc')!, 10 * t)).toBe(sim.outputs().acc);
      for (const cell of netlist.cells) {
        for (const net of cell.outputs) {
          expect(at(vcd.get(`n${net}`)!, 10 * t)).toBe(BigInt(sim.net(net)));
        }
      }
      sim.step();
      expect(at(vcd.get('clk')!, 10 * t + 5)).toBe(1n);
      expect(at(vcd.get('acc')!, 10 * t + 5)).toBe(sim.outputs().acc);
    });
  });

  it('rejects odd trace periods', () => {
    expect(() => traceNets(accumulator(), [], 5)).toThrow(
      'trace period must be an even integer >= 2, not 5',
    );
  });
});
