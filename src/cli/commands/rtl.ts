import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import { InputError, show } from '../../errors.js';
import { writeFileAtomic } from '../../fsutil.js';
import { ADDER_ARCHS, buildAdder } from '../../gen/adders/index.js';
import { buildAdderPe, buildMacPe, buildXnorPe } from '../../gen/pe/index.js';
import type { Netlist } from '../../ir/netlist.js';
import { rtlModelFiles } from '../../rtl/models.js';
import { testVectors } from '../../sim/test-vectors.js';
import { formatTable, printJson, printLine } from '../output.js';

interface RtlArgs {
  out: string;
  json?: boolean;
  quiet: boolean;
}

/**
 * The exported model set (the committed rtl-models/ folder): every adder architecture at 8 and
 * 16 bits, and the adder, MAC and XNOR processing elements at 8 bits, with seeded vectors.
 */
function models() {
  const netlists: { netlist: Netlist; describe: string }[] = [];
  for (const width of [8, 16]) {
    for (const arch of ADDER_ARCHS) {
      netlists.push({ netlist: buildAdder(arch, width), describe: `${arch} adder, ${width} bits` });
    }
  }
  netlists.push(
    { netlist: buildAdderPe({ width: 8 }), describe: 'AdderNet PE: acc += |x - w|, 8 bits' },
    { netlist: buildMacPe({ width: 8 }), describe: 'CNN PE: acc += x * w, 8 bits' },
    { netlist: buildXnorPe({ width: 8 }), describe: 'BNN PE: acc += popcount(x XNOR w), 8 lanes' },
  );
  return netlists.map((m) => ({
    ...m,
    vectors: testVectors(m.netlist, { seed: 1, random: m.netlist.registers.length ? 300 : 200 }),
  }));
}

export const rtlCommand: CommandModule<object, RtlArgs> = {
  command: 'rtl',
  describe:
    'export the adders and processing elements as structural Verilog with self-checking testbenches',
  builder: (y) =>
    y
      .option('out', {
        type: 'string',
        demandOption: true,
        describe:
          'folder to write the .v files, testbenches and README.md into (created if missing)',
      })
      .option('json', { type: 'boolean', describe: 'print the written files as JSON' })
      .option('quiet', {
        type: 'boolean',
        default: false,
        describe: 'print nothing but the result (the --json file list, if asked for)',
      })
      .example('$0 rtl --out rtl-models', 'regenerate the committed models (byte-identical)')
      .example('$0 rtl --out models --json', 'write them elsewhere; list the files as JSON')
      .epilogue(
        'Each <module>_tb.v prints PASS <n> FAIL <m>: iverilog -g2005 -o tb.vvp m.v m_tb.v && vvp tb.vvp',
      ),
  handler: (argv) => {
    const out = argv.out;
    if (typeof out !== 'string' || out.trim() === '') {
      throw new InputError(`--out must be a folder path, not ${show(out)}`);
    }
    const existing = statSync(out, { throwIfNoEntry: false });
    if (existing && !existing.isDirectory()) {
      throw new InputError(`--out must be a folder, not the file ${show(out)}`);
    }
    const list = models();
    const files = rtlModelFiles(list, 'Exported Verilog models');
    for (const f of files) writeFileAtomic(join(out, f.name), f.content);
    if (argv.json) {
      printJson(
        files.map((f) => ({ file: join(out, f.name), bytes: Buffer.byteLength(f.content) })),
      );
      return;
    }
    if (argv.quiet) return;
    printLine(
      formatTable([
        ['model', 'cells', 'registers', 'test vectors'],
        ...list.map((m) => [
          m.netlist.name,
          m.netlist.cells.length,
          m.netlist.registers.length,
          m.vectors.length,
        ]),
      ]),
    );
    printLine(`wrote ${files.length} files to ${out}`);
  },
};
