import { afterAll, describe, expect, it } from 'vitest';
import type { AsicCellTable } from '../../src/cost/table-types.js';
import { loadTable } from '../../src/cost/tables.js';
import { cellDelaysPs } from '../../src/cost/timing.js';
import { buildAdder } from '../../src/gen/adders/index.js';
import { buildMultiplier } from '../../src/gen/multipliers/index.js';
import type { Netlist } from '../../src/ir/netlist.js';
import { simulateActivity } from '../../src/sim/activity.js';
import { type CellDelays, UNIT_DELAYS } from '../../src/sim/delays.js';
import { simulateTimingActivity } from '../../src/sim/timing-activity.js';
import { prng, randomNetlist, randomValues } from '../sim/random-netlist.js';
import { runIcarusTiming } from './timed-icarus.js';
import { allTools, tempDir, toolTitle } from './tools.js';

const TOOLS = ['iverilog', 'vvp'];

function randomStream(netlist: Netlist, seed: number, count: number) {
  const rand = prng(seed);
  return Object.fromEntries(
    netlist.inputs.map((p) => [p.name, randomValues(rand, p.bits.length, count)]),
  );
}

describe.skipIf(!allTools(...TOOLS))(
  toolTitle('timing-aware toggle counts equal Icarus Verilog transport-delay simulation', ...TOOLS),
  () => {
    const tmp = tempDir('timing');
    afterAll(() => tmp.cleanup());
    const table = cellDelaysPs(loadTable('cells-45nm') as AsicCellTable);
    const models: [string, CellDelays][] = [
      ['unit', UNIT_DELAYS],
      ['cells-45nm ps', table],
      ['mixed', { ...UNIT_DELAYS, xor: 3, and: 2, mux2: 4, nor: 0 }],
    ];
    const circuits: [string, Netlist][] = [
      ['4-bit ripple-carry adder', buildAdder('ripple-carry', 4)],
      ['4x4 array multiplier', buildMultiplier({ width: 4, arch: 'array' })],
      ['4x4 Dadda multiplier, signed', buildMultiplier({ width: 4, arch: 'dadda', signed: true })],
      [
        'random netlist of every cell kind',
        randomNetlist(31, { cells: 150, registers: 0, inputWidths: [4, 9, 1], outputs: 3 }),
      ],
    ];

    for (const [what, netlist] of circuits) {
      it(`${what}: every net, every model`, () => {
        const stream = randomStream(netlist, 7, 300);
        for (const [model, delays] of models) {
          const ours = simulateTimingActivity(netlist, stream, delays);
          const icarus = runIcarusTiming(netlist, stream, delays, ours.settleTime + 10, tmp.dir);
          expect({ model, toggles: Array.from(icarus.netToggles!) }).toEqual({
            model,
            toggles: Array.from(ours.netToggles),
          });
          if (model === 'unit' && !what.includes('adder')) {
            // Not vacuous: the glitches make these differ from the zero-delay counts.
            const zero = simulateActivity(ours.netlist, stream).netToggles;
            expect(Array.from(icarus.netToggles!)).not.toEqual(Array.from(zero));
          }
        }
      });
    }
  },
);
