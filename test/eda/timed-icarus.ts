import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expandMacros } from '../../src/ir/expand.js';
import type { Netlist } from '../../src/ir/netlist.js';
import { moduleName } from '../../src/rtl/names.js';
import { toTimedTestbench, toTimedVerilog } from '../../src/rtl/timed-verilog.js';
import type { CellDelays } from '../../src/sim/delays.js';
import { vcdToggles } from './vcd-toggles.js';

export interface IcarusTimingRun {
  /** Toggles per net of the expanded netlist, from the VCD (undefined without a dump). */
  readonly netToggles?: Float64Array;
  /** Wall time of vvp (start-up and file reading included). */
  readonly seconds: number;
}

function exec(command: string, args: string[], cwd: string): void {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0 || (r.stderr ?? '').trim() !== '') {
    throw new Error(`${command} failed (${r.status}):\n${(r.stderr || r.stdout).slice(-3000)}`);
  }
}

/**
 * Replays `stream` through the transport-delay export in Icarus Verilog (iverilog -g2005 +
 * vvp), one vector every `period` time units, and (when `dump`) counts every net's toggles in
 * the VCD from the second vector on: the same transitions `simulateTimingActivity` counts.
 */
export function runIcarusTiming(
  netlist: Netlist,
  stream: Readonly<Record<string, readonly bigint[]>>,
  delays: CellDelays,
  period: number,
  dir: string,
  dump = true,
): IcarusTimingRun {
  const count = stream[netlist.inputs[0].name].length;
  const hexFiles: Record<string, string> = {};
  for (const p of netlist.inputs) {
    hexFiles[p.name] = `${p.name}.hex`;
    const mask = (1n << BigInt(p.bits.length)) - 1n;
    const text = stream[p.name].map((v) => (v & mask).toString(16)).join('\n');
    writeFileSync(join(dir, hexFiles[p.name]), `${text}\n`);
  }
  const top = moduleName(netlist);
  writeFileSync(join(dir, `${top}.v`), toTimedVerilog(netlist, delays));
  const tb = toTimedTestbench(netlist, {
    vectors: count,
    period,
    hexFiles,
    ...(dump ? { vcd: 'dump.vcd' } : {}),
  });
  writeFileSync(join(dir, 'timed_tb.v'), tb);
  exec('iverilog', ['-g2005', '-o', 'timed.vvp', `${top}.v`, 'timed_tb.v'], dir);
  const t0 = performance.now();
  exec('vvp', ['-n', 'timed.vvp'], dir);
  const seconds = (performance.now() - t0) / 1000;
  if (!dump) return { seconds };

  const expanded = expandMacros(netlist);
  const counts = vcdToggles(readFileSync(join(dir, 'dump.vcd'), 'utf8'), period);
  const netToggles = new Float64Array(expanded.netCount);
  const take = (name: string, bit: number, net: number) => {
    const c = counts.get(name);
    if (c === undefined) throw new Error(`vcd has no ${name}`);
    netToggles[net] = c[bit];
  };
  for (const p of expanded.inputs) p.bits.forEach((net, i) => take(p.name, i, net));
  for (const cell of expanded.cells) for (const o of cell.outputs) take(`n${o}`, 0, o);
  return { netToggles, seconds };
}
