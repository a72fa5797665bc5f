import type { ChartConfiguration } from 'chart.js';
import type { EnergyCategory } from '../../study/categories.js';
import type { Network } from '../../study/results.js';

/**
 * Colours and shared options of every chart. Colours are the Okabe-Ito palette, which stays
 * distinguishable for the common colour-vision deficiencies; a network keeps its colour on
 * every chart.
 */
export const NETWORK_COLORS: Readonly<Record<Network, string>> = {
  addernet: '#D55E00',
  cnn: '#0072B2',
  bnn: '#009E73',
};

export const CATEGORY_COLORS: Readonly<Record<EnergyCategory, string>> = {
  sub: '#E69F00',
  abs: '#D55E00',
  add: '#56B4E9',
  mul: '#0072B2',
  xnor: '#009E73',
  popcount: '#CC79A7',
  cmp: '#F0E442',
  float: '#000000',
  memory: '#999999',
};

/** A 6-digit hex colour with an alpha channel (`#0072B2` + 0.45 -> `#0072B273`). */
export function withAlpha(hex: string, alpha: number): string {
  return `${hex}${Math.round(alpha * 255)
    .toString(16)
    .padStart(2, '0')}`;
}

/** Title, optional subtitle and legend placement shared by every chart. */
export function titles(
  title: string,
  subtitle?: string,
): NonNullable<ChartConfiguration['options']>['plugins'] {
  return {
    title: { display: true, text: title, font: { size: 16, weight: 'bold' } },
    subtitle: { display: subtitle !== undefined, text: subtitle ?? '', padding: { bottom: 8 } },
    legend: { position: 'top' },
  };
}

/** An axis title. */
export function axisTitle(text: string): { display: true; text: string } {
  return { display: true, text };
}
