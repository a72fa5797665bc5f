import { expandMacros } from '../../src/ir/expand.js';
import { CELL_SEMANTICS, type CellKind } from '../../src/ir/gates.js';
import type { Netlist } from '../../src/ir/netlist.js';
import { combinationalOrder } from '../../src/ir/validate.js';

/**
 * Golden model of timing-aware activity, written from the definition with nothing shared with
 * the simulator but the cell semantics: a scalar simulation in unit time steps. Each cycle
 * starts from the settled values of the previous one; at t = 0 the inputs (and register
 * outputs) take their new values; at every t >= 0 each cell output (fa/ha expanded, topological
 * order) is its function of its inputs at t - d (the previous cycle's settled value when
 * t - d < 0); the loop runs to the longest path delay; every change of a net counts.
 * The first vector settles from reset without counting. Cost: nets x steps x vectors.
 */
export function naiveTimingToggles(
  netlist: Netlist,
  stream: Readonly<Record<string, readonly bigint[]>>,
  count: number,
  delays: Readonly<Partial<Record<CellKind, number>>>,
): Float64Array {
  const n = expandMacros(netlist);
  const order = combinationalOrder(n)!;
  const delay = n.cells.map((c) => delays[c.kind]!);
  const arrival = new Float64Array(n.netCount);
  for (const ci of order) {
    const c = n.cells[ci];
    const t = Math.max(0, ...c.inputs.map((x) => arrival[x])) + delay[ci];
    for (const o of c.outputs) arrival[o] = t;
  }
  const horizon = Math.max(0, ...arrival);
  const toggles = new Float64Array(n.netCount);
  let state = n.registers.map((r) => r.init as number);
  let settled: Uint8Array | undefined;
  for (let v = 0; v < count; v++) {
    const start = new Uint8Array(n.netCount);
    start[1] = 1;
    for (const p of n.inputs) {
      p.bits.forEach((net, i) => {
        start[net] = Number((stream[p.name][v] >> BigInt(i)) & 1n);
      });
    }
    n.registers.forEach((r, i) => {
      start[r.q] = state[i];
    });
    const history: Uint8Array[] = [];
    const old = settled;
    const at = (net: number, t: number) => (t < 0 ? old![net] : history[t][net]);
    for (let t = 0; t <= horizon; t++) {
      const now = Uint8Array.from(start);
      history.push(now);
      for (const ci of order) {
        const c = n.cells[ci];
        const tt = t - delay[ci];
        const ins = c.inputs.map((x) => (old === undefined ? now[x] : at(x, tt)));
        const outs = CELL_SEMANTICS[c.kind](...ins);
        c.outputs.forEach((o, k) => {
          now[o] = outs[k] & 1;
        });
      }
      if (old === undefined) break;
    }
    if (old !== undefined) {
      for (let net = 0; net < n.netCount; net++) {
        let prev = old[net];
        for (const h of history) {
          if (h[net] !== prev) toggles[net]++;
          prev = h[net];
        }
      }
    }
    settled = history[history.length - 1];
    state = n.registers.map((r) => settled![r.d]);
  }
  return toggles;
}
