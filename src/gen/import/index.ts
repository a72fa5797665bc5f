import { existsSync, readFileSync, statSync } from 'node:fs';
import { InputError, show } from '../../errors.js';
import type { Netlist } from '../../ir/netlist.js';
import { yosysToJson } from './yosys.js';
import { netlistFromYosysJson } from './yosys-json.js';

export { IMPORT_OPS, type ImportOp, importedSpec } from './spec.js';
export { netlistFromYosysJson } from './yosys-json.js';

/**
 * Imports a user's gate netlist as IR: a yosys JSON netlist (`.json`) is read directly; Verilog
 * (`.v`, `.sv`) goes through yosys first (yosys.ts). See yosys-json.ts for the checks.
 */

/** Larger files are refused before reading: an 8×8 multiplier's JSON is about 100 kB. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

export interface ImportOptions {
  readonly top?: string;
  /** Input ports to keep, in order (operands). */
  readonly inputs: readonly string[];
  /** Output ports to keep, in order (the result, least significant first). */
  readonly outputs: readonly string[];
  readonly signed: boolean;
}

export function importNetlist(path: string, options: ImportOptions): Netlist {
  if (!existsSync(path) || !statSync(path).isFile())
    throw new InputError(`--netlist must be an existing .json, .v or .sv file, not ${show(path)}`);
  const size = statSync(path).size;
  if (size > MAX_FILE_BYTES)
    throw new InputError(
      `${path}: ${size} bytes is more than the ${MAX_FILE_BYTES} a netlist may have`,
    );
  const lower = path.toLowerCase();
  if (lower.endsWith('.json'))
    return netlistFromYosysJson(readFileSync(path, 'utf8'), path, options);
  if (lower.endsWith('.v') || lower.endsWith('.sv'))
    return netlistFromYosysJson(yosysToJson(path, options.top), path, options);
  throw new InputError(
    `--netlist must name a .json (yosys) or .v/.sv (Verilog) file, not ${show(path)}`,
  );
}
