import { InputError } from '../errors.js';
import type { Netlist } from '../ir/netlist.js';

/** Default of `--max-memory`, in GiB: comfortable on a 24 GiB machine shared with other work. */
export const DEFAULT_MAX_MEMORY_GIB = 4;

/**
 * Upper estimate, in bytes, of the memory `datapath --activity/--vcd` needs for `vectors` input
 * vectors: every vector is held as an object of bigints (about 200 bytes, plus per port 64 bytes
 * and three copies of its bits, measured at 490 bytes for one 1024-bit port), and a VCD traces
 * every net at every vector before writing (measured at about 34 bytes per net and vector on a
 * 64-bit array multiplier of 12,290 nets; 40 are counted). The estimate
 * only has to be of the right size: it bounds runaway requests, not ordinary ones.
 */
export function datapathMemoryEstimate(netlist: Netlist, vectors: number, vcd: boolean): number {
  let perVector = 200;
  for (const port of netlist.inputs) perVector += 64 + 3 * Math.ceil(port.bits.length / 8);
  if (vcd) perVector += 40 * netlist.netCount;
  return vectors * perVector;
}

/**
 * Refuses, before any vector is made, a simulation whose estimate exceeds `--max-memory`, with
 * what was asked, the estimate and the flag that raises the limit.
 */
export function checkDatapathMemory(
  netlist: Netlist,
  vectors: number,
  outputs: { activity: boolean; vcd: boolean },
  maxMemoryGib: number,
): void {
  const bytes = datapathMemoryEstimate(netlist, vectors, outputs.vcd);
  const limit = maxMemoryGib * 2 ** 30;
  if (bytes <= limit) return;
  const asked = [outputs.activity ? '--activity' : '', outputs.vcd ? '--vcd' : '']
    .filter((f) => f !== '')
    .join(' and ');
  throw new InputError(
    `${asked} over ${vectors} vectors of ${netlist.name} (${netlist.netCount} nets) needs about ${gib(bytes)}, over the --max-memory limit of ${gib(limit)}; give fewer --vectors or raise --max-memory (GiB)`,
  );
}

function gib(bytes: number): string {
  if (bytes < 2 ** 30) return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  return `${(bytes / 2 ** 30).toFixed(1)} GiB`;
}
