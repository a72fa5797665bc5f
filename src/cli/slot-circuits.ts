import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, show } from '../errors.js';
import {
  type ImportedCircuit,
  parseGenerated,
  SLOT_FLAGS,
  type Slot,
  slotNames,
} from '../gen/approx/slots.js';
import { importNetlist } from '../gen/import/index.js';
import { toCanonicalText } from '../ir/canonical.js';
import { parsePorts } from './datapath-import.js';

/**
 * `--sub-circuit` / `--mul-circuit` values: a generated circuit `NAME:PARAM` (checked against
 * the layers' width when the network is known), or a netlist file (.v/.sv through yosys, or
 * yosys .json) read with `--top` and `--ports` as `datapath --netlist` reads it. An imported
 * circuit's key is `<module>@<hash>`, the hash of its canonical netlist text and ports, so the
 * same circuit has the same key whatever its file is called (sweep records are keyed by it).
 */
export interface SlotChoice {
  readonly key: string;
  readonly circuit?: ImportedCircuit;
}

export interface CircuitFileArgs {
  readonly top?: string;
  readonly ports?: string;
}

const NETLIST_FILE = /\.(v|sv|json)$/i;

export function slotChoice(slot: Slot, text: string, args: CircuitFileArgs): SlotChoice {
  const flag = SLOT_FLAGS[slot];
  if (!NETLIST_FILE.test(text)) {
    if (parseGenerated(text) === undefined)
      throw new InputError(
        `${flag} must be a .v, .sv or .json netlist or one of ${slotNames(slot).join(', ')}, not ${show(text)}`,
      );
    return { key: text };
  }
  if (!existsSync(text) || !statSync(text).isFile())
    throw new InputError(`${flag} must name an existing netlist file, not ${show(text)}`);
  const { operands, result } = parsePorts(args.ports ?? 'A,B:O');
  const netlist = importNetlist(text, {
    top: args.top,
    inputs: operands,
    outputs: result,
    signed: false,
  });
  const hash = createHash('sha256')
    .update(toCanonicalText(netlist))
    .update(JSON.stringify([operands, result]))
    .digest('hex')
    .slice(0, 12);
  const key = `${netlist.name}@${hash}`;
  return { key, circuit: { key, netlist, operands, result, signed: false } };
}

/**
 * A comma-separated list of slot circuits (sweep): names, files, and folders, each folder
 * standing for its .v, .sv and .json files in name order. Keys are kept once, first seen first.
 */
export function slotChoices(slot: Slot, text: string, args: CircuitFileArgs): SlotChoice[] {
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (items.length === 0)
    throw new InputError(`${SLOT_FLAGS[slot]} must name at least one circuit, not ${show(text)}`);
  const expanded = items.flatMap((item) =>
    existsSync(item) && statSync(item).isDirectory()
      ? readdirSync(item)
          .filter((name) => NETLIST_FILE.test(name))
          .sort()
          .map((name) => join(item, name))
      : [item],
  );
  const byKey = new Map<string, SlotChoice>();
  for (const item of expanded) {
    const choice = slotChoice(slot, item, args);
    if (!byKey.has(choice.key)) byKey.set(choice.key, choice);
  }
  return [...byKey.values()];
}
