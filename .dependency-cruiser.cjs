/**
 * The walls of addersim's pipeline (docs/architecture.md): folders in processing order, each
 * importing only folders before it; the shared utilities at the root of src/ import no folder.
 * `npx depcruise src` checks them in CI; a violation fails the build.
 */
const ORDER = [
  'bits',
  'ir',
  'gen',
  'sim',
  'rtl',
  'cost',
  'nn',
  'quant',
  'parallel',
  'engine',
  'budget',
  'pipeline',
  'sweep',
  'queue',
  'study',
  'report',
  'cli',
];

/** Folders a folder may import: those before it in ORDER, minus the ones DESIGN.md rules out. */
const EXTRA_FORBIDDEN = {
  // Generators and simulators read and build netlists only.
  gen: ['sim', 'rtl'],
  sim: ['gen', 'rtl'],
  rtl: ['gen'],
  // Cost reads netlists and counts, never generators or simulators.
  cost: ['gen', 'sim', 'rtl'],
  // The report renders result values: the study's results contract and nothing else.
  report: ORDER.filter((f) => f !== 'study' && f !== 'report'),
};

const later = (folder) => ORDER.slice(ORDER.indexOf(folder) + 1);

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules import each other in one direction only.',
      from: {},
      to: { circular: true },
    },
    ...ORDER.filter((folder) => later(folder).length > 0 || EXTRA_FORBIDDEN[folder]).map(
      (folder) => ({
        name: `${folder}-imports-downwards`,
        severity: 'error',
        comment: `src/${folder} may import only folders before it in the pipeline (and the shared files at the root of src/).`,
        from: { path: `^src/${folder}/` },
        to: {
          path: `^src/(${[...later(folder), ...(EXTRA_FORBIDDEN[folder] ?? [])].join('|')})/`,
        },
      }),
    ),
    {
      name: 'root-files-import-no-folder',
      severity: 'error',
      comment: 'errors, paths, fsutil and format are shared by every stage, so they import none.',
      from: { path: '^src/[^/]+\\.ts$', pathNot: '^src/index\\.ts$' },
      to: { path: `^src/(${ORDER.join('|')})/` },
    },
    {
      name: 'only-cli-and-index-import-cli',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(cli/|index\\.ts$)' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.js'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
