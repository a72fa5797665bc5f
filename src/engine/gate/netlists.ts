import { ABSDIFF_VARIANTS, type AbsDiffVariant } from '../../gen/absdiff/index.js';
import { ADDER_ARCHS, type AdderArch, buildAdder } from '../../gen/adders/index.js';
import {
  buildMultiplier,
  MULTIPLIER_ARCHS,
  type MultiplierArch,
} from '../../gen/multipliers/index.js';
import { buildAdderPe, buildMacPe } from '../../gen/pe/index.js';
import { buildXnorPopcount } from '../../gen/popcount/index.js';
import type { Netlist } from '../../ir/netlist.js';
import type { WeightNode } from '../../quant/graph.js';
import type { AccOverflow } from '../../quant/options.js';
import type { Datapath } from '../kernels/registry.js';
import { accAdderFor, mulUnitFor, subUnitFor, takesAccCircuit } from '../slots.js';

/**
 * The netlists the gate backend runs, described by plain specs so that worker threads can
 * report activity by key and the main thread can rebuild the same netlist to price it:
 *
 * | spec          | built by               | used for                                         |
 * |---------------|------------------------|--------------------------------------------------|
 * | pe-adder      | gen buildAdderPe       | AdderNet layers: |x − w| then accumulate, K cycles |
 * | pe-mac        | gen buildMacPe         | multiply layers: x·w then accumulate, K cycles   |
 * | xnor-popcount | gen buildXnorPopcount  | binary layers: one K-lane XNOR-popcount per output |
 * | multiplier    | gen buildMultiplier    | multiply-shift requantization: acc·M             |
 * | adder         | gen buildAdder         | multiply-shift requantization: + B               |
 *
 * A PE spec may name slot circuits (`sub`, `mul`, `acc`): the PE is then built around that
 * circuit's unit or with it as the accumulator's adder (gen/approx/slots.ts), and the circuit's
 * key is part of the spec's key.
 */
export type NetlistSpec =
  | {
      readonly kind: 'pe-adder';
      readonly width: number;
      readonly accWidth: number;
      readonly overflow: AccOverflow;
      readonly adder: AdderArch;
      readonly variant: AbsDiffVariant;
      /** A slot circuit in place of the variant's |x − w| (engine/slots.ts). */
      readonly sub?: string;
      /** A slot circuit in place of the accumulator's adder (engine/slots.ts). */
      readonly acc?: string;
    }
  | {
      readonly kind: 'pe-mac';
      readonly width: number;
      readonly accWidth: number;
      readonly overflow: AccOverflow;
      readonly adder: AdderArch;
      readonly multiplier: MultiplierArch;
      /** A slot circuit in place of the multiplier arch (engine/slots.ts). */
      readonly mul?: string;
      /** A slot circuit in place of the accumulator's adder (engine/slots.ts). */
      readonly acc?: string;
    }
  | { readonly kind: 'xnor-popcount'; readonly width: number }
  | {
      readonly kind: 'multiplier';
      readonly width: number;
      readonly arch: MultiplierArch;
      readonly adder: AdderArch;
    }
  | { readonly kind: 'adder'; readonly width: number; readonly arch: AdderArch };

/** Canonical key: the spec's fields in a fixed order. */
export function specKey(spec: NetlistSpec): string {
  return JSON.stringify(
    Object.fromEntries(Object.entries(spec).sort(([a], [b]) => (a < b ? -1 : 1))),
  );
}

export function parseSpecKey(key: string): NetlistSpec {
  const spec = JSON.parse(key) as NetlistSpec;
  const ok =
    ('adder' in spec ? (ADDER_ARCHS as readonly string[]).includes(spec.adder) : true) &&
    ('arch' in spec
      ? [...ADDER_ARCHS, ...MULTIPLIER_ARCHS].includes(spec.arch as AdderArch)
      : true) &&
    ('variant' in spec ? (ABSDIFF_VARIANTS as readonly string[]).includes(spec.variant) : true);
  if (!ok) throw new Error(`bad netlist spec ${key}`);
  return spec;
}

const cache = new Map<string, Netlist>();

/** The netlist of a spec, built once per process. */
export function netlistFor(spec: NetlistSpec): Netlist {
  const key = specKey(spec);
  let netlist = cache.get(key);
  if (!netlist) {
    netlist = build(spec);
    cache.set(key, netlist);
  }
  return netlist;
}

function build(spec: NetlistSpec): Netlist {
  switch (spec.kind) {
    case 'pe-adder':
      return buildAdderPe({
        width: spec.width,
        signed: false,
        accWidth: spec.accWidth,
        overflow: spec.overflow,
        adder: spec.adder,
        variant: spec.variant,
        sub:
          spec.sub === undefined
            ? undefined
            : { name: spec.sub, build: subUnitFor(spec.sub, spec.width) },
        acc: accSlot(spec.acc),
      });
    case 'pe-mac':
      return buildMacPe({
        width: spec.width,
        signed: true,
        accWidth: spec.accWidth,
        overflow: spec.overflow,
        adder: spec.adder,
        multiplier: spec.multiplier,
        mul:
          spec.mul === undefined
            ? undefined
            : { name: spec.mul, build: mulUnitFor(spec.mul, spec.width) },
        acc: accSlot(spec.acc),
      });
    case 'xnor-popcount':
      return buildXnorPopcount({ width: spec.width });
    case 'multiplier':
      return buildMultiplier({
        width: spec.width,
        arch: spec.arch,
        signed: true,
        adder: spec.adder,
      });
    case 'adder':
      return buildAdder(spec.arch, spec.width, true);
  }
}

const accSlot = (key: string | undefined) =>
  key === undefined ? undefined : { name: key, build: accAdderFor(key) };

/** The netlist a weight layer runs on the gate backend with the given datapath. */
export function weightLayerSpec(node: WeightNode, datapath: Datapath): NetlistSpec {
  if (node.kind === 'binary') return { kind: 'xnor-popcount', width: node.taps };
  const common = {
    width: node.operandBits,
    accWidth: node.accBits,
    overflow: node.overflow,
    adder: datapath.adder,
  };
  // A slot key joins the spec only when set, so the keys of exact datapaths stay as they were.
  const acc = datapath.acc === undefined || !takesAccCircuit(node) ? {} : { acc: datapath.acc };
  return node.kind === 'adder'
    ? {
        kind: 'pe-adder',
        ...common,
        variant: datapath.absdiff,
        ...(datapath.sub === undefined ? {} : { sub: datapath.sub }),
        ...acc,
      }
    : {
        kind: 'pe-mac',
        ...common,
        multiplier: datapath.multiplier,
        ...(datapath.mul === undefined ? {} : { mul: datapath.mul }),
        ...acc,
      };
}
