import { withMultiplier } from '../cost/fpga.js';
import { type CostTable, MUL_IMPLS, type MulImpl } from '../cost/table-types.js';
import { loadTable, tableNames } from '../cost/tables.js';
import { InputError } from '../errors.js';
import { choiceFlag } from './args.js';

/** The --mul-impl option of the commands that price on FPGA tables. */
export const MUL_IMPL_OPTION = {
  type: 'string',
  describe: `where FPGA tables put multiplies: ${MUL_IMPLS.join(' (default; a DSP slice when the operands fit) or ')} (LUTs and carry chains only)`,
} as const;

/**
 * Tables by name or path, FPGA ones with multiplies in `--mul-impl`; undefined names mean every
 * shipped table. The flag is refused when no table it names is an FPGA table.
 */
export function tablesWithMultiplier(
  names: readonly string[] | undefined,
  flag: string | undefined,
): CostTable[] {
  const tables = (names ?? tableNames()).map((t) => loadTable(t, '--table'));
  if (flag === undefined) return tables;
  const impl = choiceFlag<MulImpl>('mul-impl', flag, MUL_IMPLS);
  if (!tables.some((t) => t.kind === 'fpga')) {
    throw new InputError(
      `--mul-impl must come with an FPGA table, whose multiplies it places, not ${tables.map((t) => t.name).join(', ')}`,
    );
  }
  return tables.map((t) => (t.kind === 'fpga' ? withMultiplier(t, impl) : t));
}
