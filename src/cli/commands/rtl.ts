import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import { checkFolderReplaceable, type FolderOwner, writeFolderAtomic } from '../../fsutil.js';
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

/** What an rtl folder holds: Verilog modules, testbenches and the README, all plain files. */
const RTL_FILE = /^([A-Za-z0-9_]+\.v|README\.md)$/;

const RTL_OWNER: FolderOwner = {
  label: '--out',
  earlier: 'rtl export',
  foreign: (dir) =>
    readdirSync(dir)
      .sort()
      .find((f) => !RTL_FILE.test(f) || !statSync(join(dir, f)).isFile()) ?? null,
};

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
          'folder to write the .v files, testbenches and README.md into: new, or an earlier export (replaced whole, never a mix)',
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
    // Refused before anything is built; the folder then appears whole or not at all.
    checkFolderReplaceable(out, RTL_OWNER);
    const list = models();
    const files = rtlModelFiles(list, 'Exported Verilog models');
    writeFolderAtomic(out, new Map(files.map((f) => [f.name, f.content])), RTL_OWNER);
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
