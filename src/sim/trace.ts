import type { Netlist } from '../ir/netlist.js';
import { ReferenceSimulator } from './reference.js';

/**
 * Values of every net over a short simulation, for waveform dumps (VCD). Combinational
 * netlists: one sample per vector, at times 0, period, 2·period, ... Sequential netlists: two
 * samples per cycle t — at t·period with `clock` 0 (inputs applied, logic settled: the values
 * the outputs are read at) and at t·period + period/2 with `clock` 1 (just after the rising edge:
 * registers updated, logic settled again with the same inputs).
 * Memory: one byte per net per sample; meant for waveforms people look at, not for streams.
 */
export interface NetTrace {
  readonly netCount: number;
  /** Sample times in timescale units, increasing. */
  readonly times: readonly number[];
  /** `samples[k][net]` is 0 or 1. */
  readonly samples: readonly Uint8Array[];
  /** Clock level per sample (sequential netlists only). */
  readonly clock?: readonly number[];
}

export function traceNets(
  netlist: Netlist,
  vectors: readonly Readonly<Record<string, bigint>>[],
  period = 10,
): NetTrace {
  if (!Number.isInteger(period) || period < 2 || period % 2 !== 0) {
    throw new Error(`trace period must be an even integer >= 2, not ${period}`);
  }
  const sim = new ReferenceSimulator(netlist);
  const n = netlist.netCount;
  const snapshot = () => Uint8Array.from({ length: n }, (_, net) => sim.net(net));
  const times: number[] = [];
  const samples: Uint8Array[] = [];
  const sequential = netlist.registers.length > 0;
  const clock: number[] = [];
  vectors.forEach((v, t) => {
    sim.setInputs(v);
    times.push(t * period);
    samples.push(snapshot());
    if (sequential) {
      clock.push(0);
      sim.step();
      times.push(t * period + period / 2);
      samples.push(snapshot());
      clock.push(1);
    }
  });
  return sequential ? { netCount: n, times, samples, clock } : { netCount: n, times, samples };
}
