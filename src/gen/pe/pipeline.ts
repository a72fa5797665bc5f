import type { NetlistBuilder } from '../../ir/builder.js';
import { type Bus, NET_ZERO, type Net } from '../../ir/netlist.js';

/**
 * Delays every bus by `stages` register ranks (reset value 0). Constant-0 nets stay constants:
 * a register that can only hold 0 is no register. Cost: stages × (bits not constant 0)
 * registers, no cells. In a PE the data and its `clear` go through the same ranks, so a clear
 * still meets the tap it was issued with.
 */
export function pipeline(b: NetlistBuilder, buses: readonly Bus[], stages: number): Net[][] {
  let current = buses.map((bus) => [...bus]);
  for (let s = 0; s < stages; s++) {
    current = current.map((bus) => bus.map((net) => (net === NET_ZERO ? net : b.register(net, 0))));
  }
  return current;
}
