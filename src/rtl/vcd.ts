import type { Net, Netlist, Port } from '../ir/netlist.js';
import { assertValidNetlist } from '../ir/validate.js';
import { CLOCK, moduleName } from './names.js';

/**
 * The samples a VCD dump is written from (the simulator's `traceNets` returns one): net values
 * per sample, sample times, and for sequential netlists the clock level per sample.
 */
export interface VcdTrace {
  readonly times: readonly number[];
  readonly samples: readonly Uint8Array[];
  readonly clock?: readonly number[];
}

export interface VcdOptions {
  /** Also dump every internal net (cell and register outputs) as `n<id>`; default false. */
  readonly internal?: boolean;
  /** The `$timescale`; default '1ns'. */
  readonly timescale?: string;
}

interface Signal {
  readonly name: string;
  readonly nets: readonly Net[];
  readonly id: string;
  readonly clock?: boolean;
}

/**
 * An IEEE 1364 value change dump (VCD) of a trace: `$timescale`, one `$scope module` named like
 * the exported Verilog module, a `$var wire` per port (buses as `[w-1:0]`, bit 0 the LSB), `clk`
 * for sequential netlists, optionally one per internal net, `$dumpvars` with every initial
 * value, then `#time` blocks listing only the signals that changed. Loads in GTKWave. No
 * `$date`, so the same trace gives byte-identical files.
 */
export function toVcd(netlist: Netlist, trace: VcdTrace, options: VcdOptions = {}): string {
  assertValidNetlist(netlist);
  const signals: Signal[] = [];
  let next = 0;
  const add = (name: string, nets: readonly Net[], clock = false) => {
    signals.push({ name, nets, id: identifier(next++), clock });
  };
  if (trace.clock) add(CLOCK, [], true);
  const ports = (list: readonly Port[]) => {
    for (const p of list) add(p.name, p.bits);
  };
  ports(netlist.inputs);
  ports(netlist.outputs);
  if (options.internal) {
    const nets = [...netlist.cells.flatMap((c) => c.outputs), ...netlist.registers.map((r) => r.q)];
    for (const net of nets.sort((x, y) => x - y)) add(`n${net}`, [net]);
  }

  const lines = [
    '$version addersim $end',
    `$timescale ${options.timescale ?? '1ns'} $end`,
    `$scope module ${moduleName(netlist)} $end`,
  ];
  for (const s of signals) {
    const w = Math.max(1, s.nets.length);
    lines.push(`$var wire ${w} ${s.id} ${s.name}${w > 1 ? ` [${w - 1}:0]` : ''} $end`);
  }
  lines.push('$upscope $end', '$enddefinitions $end');

  const signalValue = (s: Signal, k: number): string => {
    if (s.clock) return String(trace.clock?.[k] ?? 0);
    const sample = trace.samples[k];
    let bits = '';
    for (let i = s.nets.length - 1; i >= 0; i--) bits += sample[s.nets[i]] ? '1' : '0';
    return bits;
  };
  const change = (s: Signal, v: string) =>
    v.length === 1 && s.nets.length <= 1 ? `${v}${s.id}` : `b${v} ${s.id}`;
  let previous: string[] = [];
  trace.times.forEach((time, k) => {
    const values = signals.map((s) => signalValue(s, k));
    if (k === 0) {
      lines.push(`#${time}`, '$dumpvars');
      signals.forEach((s, i) => lines.push(change(s, values[i])));
      lines.push('$end');
    } else {
      const changed = signals.flatMap((s, i) =>
        values[i] !== previous[i] ? [change(s, values[i])] : [],
      );
      if (changed.length > 0) lines.push(`#${time}`, ...changed);
    }
    previous = values;
  });
  return `${lines.join('\n')}\n`;
}

/** VCD identifier codes: printable ASCII '!'..'~' (94 symbols), shortest first. */
function identifier(index: number): string {
  let id = '';
  let i = index;
  do {
    id += String.fromCharCode(33 + (i % 94));
    i = Math.floor(i / 94) - 1;
  } while (i >= 0);
  return id;
}
