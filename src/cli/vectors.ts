import { existsSync } from 'node:fs';
import { wrapBigInt } from '../bits/raw.js';
import { InputError, show } from '../errors.js';
import { readInputFile } from '../fsutil.js';
import type { DatapathSpec } from '../gen/datapath-spec.js';
import { SeededRandom } from '../gen/random.js';
import type { Netlist } from '../ir/netlist.js';

/** One vector (or clock cycle) of input-port values: unsigned bit patterns by port name. */
export type Vector = Record<string, bigint>;

/**
 * Seeded random input vectors for a datapath. For sequential datapaths whose spec sets a
 * sequence length (accumulators, PEs), the `clear` port starts a new sum every that many cycles
 * instead of toggling at random, so accumulators run the tap sequences they are sized for.
 */
export function randomVectors(
  netlist: Netlist,
  spec: DatapathSpec,
  count: number,
  seed: number,
): Vector[] {
  const rng = new SeededRandom(seed);
  const period = spec.kind === 'sequential' ? spec.sequenceLength : 0;
  return Array.from({ length: count }, (_, t) => {
    const v: Vector = {};
    for (const port of netlist.inputs) {
      v[port.name] =
        port.name === 'clear' && period > 0 ? BigInt(t % period === 0) : rng.bits(port.bits.length);
    }
    return v;
  });
}

/**
 * Reads user-given vectors from a CSV file: a header naming every input port, then one row per
 * vector (per clock cycle for sequential datapaths). Values are decimal (negative for two's
 * complement), 0x hex or 0b binary, and must fit the port.
 *
 *     a,b,cin
 *     3,5,0
 *     0xff,-1,1
 */
export function readVectorFile(path: string, netlist: Netlist, flag = 'input'): Vector[] {
  if (!existsSync(path))
    throw new InputError(`--${flag} must be an existing CSV file, not ${show(path)}`);
  const lines = readInputFile(path, `--${flag} ${path}`)
    .toString('utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  if (lines.length < 2)
    throw new InputError(`${path}: expected a header row and at least one vector`);
  const header = lines[0].split(',').map((s) => s.trim());
  const ports = netlist.inputs.map((p) => p.name);
  const missing = ports.filter((p) => !header.includes(p));
  const unknown = header.filter((h) => !ports.includes(h));
  if (missing.length > 0 || unknown.length > 0) {
    throw new InputError(
      `${path}: the header must name the input ports ${ports.join(', ')}, not ${header.join(', ')}`,
    );
  }
  return lines.slice(1).map((line, row) => {
    const cells = line.split(',').map((s) => s.trim());
    if (cells.length !== header.length) {
      throw new InputError(
        `${path}: line ${row + 2} must have ${header.length} values, not ${cells.length}`,
      );
    }
    const v: Vector = {};
    header.forEach((name, k) => {
      const width = netlist.inputs.find((p) => p.name === name)!.bits.length;
      v[name] = parseValue(cells[k], width, `${path}: line ${row + 2}, ${name}`);
    });
    return v;
  });
}

function parseValue(text: string, width: number, where: string): bigint {
  let value: bigint;
  try {
    if (!/^-?(0x[0-9a-f]+|0b[01]+|\d+)$/i.test(text)) throw new Error('not a number');
    value = text.startsWith('-') ? -BigInt(text.slice(1)) : BigInt(text);
  } catch {
    throw new InputError(
      `${where} must be a decimal, 0x hex or 0b binary integer, not ${show(text)}`,
    );
  }
  const min = -(1n << BigInt(width - 1));
  const max = (1n << BigInt(width)) - 1n;
  if (value < min || value > max) {
    throw new InputError(`${where} must fit ${width} bits (${min} to ${max}), not ${text}`);
  }
  return wrapBigInt(value, width, false);
}
