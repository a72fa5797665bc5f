import type { CellKind } from './gates.js';

/**
 * A net is a dense integer id. Nets 0 and 1 are the constants 0 and 1; every other net is
 * driven by exactly one input-port bit, cell output or register output.
 */
export type Net = number;
export const NET_ZERO: Net = 0;
export const NET_ONE: Net = 1;

/**
 * A bus is an array of nets, least significant bit FIRST: `bus[0]` is bit 0 (weight 2^0).
 * This is the one bit order of the whole project (ports, generators, simulators, Verilog).
 */
export type Bus = readonly Net[];

export interface Port {
  readonly name: string;
  readonly bits: Bus;
  /** How the port's value is read as a number: two's complement when true. */
  readonly signed?: boolean;
  /** One line for Verilog comments and `--help`: what the port carries. */
  readonly doc?: string;
}

export interface Cell {
  readonly kind: CellKind;
  readonly inputs: readonly Net[];
  readonly outputs: readonly Net[];
}

/**
 * A D flip-flop clocked by the one implicit clock: on every step `q` takes the value `d` had
 * before the step. `init` is its value before the first step (reset value).
 */
export interface Register {
  readonly d: Net;
  readonly q: Net;
  readonly init: 0 | 1;
}

export interface Netlist {
  readonly name: string;
  /** Nets are 0 .. netCount-1. */
  readonly netCount: number;
  readonly inputs: readonly Port[];
  readonly outputs: readonly Port[];
  readonly cells: readonly Cell[];
  readonly registers: readonly Register[];
  /** Free-form parameters of the generator that built it (architecture, width, ...). */
  readonly params?: Readonly<Record<string, string | number | boolean>>;
}
