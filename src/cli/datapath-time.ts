import { InputError } from '../errors.js';
import { formatDuration } from '../format.js';
import type { DatapathOptions, DatapathSpec } from '../gen/datapath-spec.js';
import { EXHAUSTIVE_MAX_INPUT_BITS } from '../gen/verify.js';
import type { Netlist } from '../ir/netlist.js';
import { numberFlag } from './args.js';

/**
 * Default of `--max-seconds` (datapath simulations, gate-level infer and sweeps): ten minutes
 * of simulation before the user must ask for more.
 */
export const DEFAULT_MAX_SECONDS = 600;

/** `--max-seconds`: a number of seconds above 0, default DEFAULT_MAX_SECONDS. */
export const maxSecondsFlag = (value: unknown): number =>
  value === undefined
    ? DEFAULT_MAX_SECONDS
    : numberFlag('max-seconds', value, 0, 1e7, { exclusiveMin: true });

/**
 * Nanoseconds per net and vector of each simulation datapath can run, an upper bound measured
 * with the built CLI on a 2-core machine under a load average of about 18 (so an idle machine
 * is several times faster; the estimate only bounds runaway requests): `--activity` zero-delay
 * 20,000 vectors of a 32-bit array multiplier (about 50 ns), under a delay model 2,000 vectors
 * (about 330 ns), `--verify` through the reference simulator (about 450 ns), `--vcd` (about
 * 1,800 ns: every net traced and printed).
 */
const NS_PER_NET_VECTOR = { activity: 100, timing: 400, verify: 500, vcd: 2000 } as const;

export interface SimulationRequest {
  /** Vectors --verify runs (when asked). */
  readonly verify?: number;
  /** Vectors --activity and --vcd run (when asked). */
  readonly activity?: number;
  readonly vcd?: number;
  /** --activity under a delay model (unit or table) rather than zero-delay. */
  readonly timed: boolean;
}

/** The vectors --verify runs: every input pattern when exhaustive, else --vectors. */
export function verifyVectors(
  spec: DatapathSpec,
  options: DatapathOptions,
  netlist: Netlist,
  vectors: number,
): number {
  const inputBits = netlist.inputs.reduce((sum, port) => sum + port.bits.length, 0);
  const exhaustive =
    spec.kind === 'combinational' && options.width <= 8 && inputBits <= EXHAUSTIVE_MAX_INPUT_BITS;
  return exhaustive ? 2 ** inputBits : vectors;
}

/**
 * Refuses, before anything is simulated, work whose estimated time exceeds `--max-seconds`: one
 * line with what was asked, the estimate and the flag that raises the limit.
 */
export function checkDatapathTime(
  netlist: Netlist,
  request: SimulationRequest,
  maxSeconds: number,
): void {
  const parts: [string, number, number][] = [];
  if (request.verify !== undefined)
    parts.push(['--verify', request.verify, NS_PER_NET_VECTOR.verify]);
  if (request.activity !== undefined) {
    const ns = request.timed ? NS_PER_NET_VECTOR.timing : NS_PER_NET_VECTOR.activity;
    parts.push(['--activity', request.activity, ns]);
  }
  if (request.vcd !== undefined) parts.push(['--vcd', request.vcd, NS_PER_NET_VECTOR.vcd]);
  const seconds = parts.reduce((s, [, v, ns]) => s + (v * netlist.netCount * ns) / 1e9, 0);
  if (seconds <= maxSeconds) return;
  const asked = parts.map(([flag, v]) => `${flag} over ${v} vectors`).join(' and ');
  throw new InputError(
    `${asked} of ${netlist.name} (${netlist.netCount} nets) takes about ${formatDuration(seconds)}, over the --max-seconds limit of ${maxSeconds} s; give fewer --vectors or raise --max-seconds`,
  );
}
