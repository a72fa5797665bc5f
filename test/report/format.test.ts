import { describe, expect, test } from 'vitest';
import {
  formatAccuracy,
  formatCount,
  formatEnergy,
  formatPlain,
  formatRatio,
  formatShare,
  formatSig,
  plural,
} from '../../src/format.js';

describe('formatEnergy: pJ/nJ/µJ with 3 significant digits', () => {
  test.each([
    [0.03, '0.0300 pJ'],
    [0.2, '0.200 pJ'],
    [3.1, '3.10 pJ'],
    [999.4, '999 pJ'],
    [999.96, '1.00 nJ'],
    [60_000, '60.0 nJ'],
    [123_456, '123 nJ'],
    [1_234_567, '1.23 µJ'],
    [5e9, '5.00 mJ'],
    [0.0005, '0.500 fJ'],
  ])('%s pJ -> %s', (pj, text) => {
    expect(formatEnergy(pj)).toBe(text);
  });
});

describe('formatCount: exact integers with thousands separators', () => {
  test.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [1_234_567, '1,234,567'],
    [-1234, '-1,234'],
    [40_000_000_000, '40,000,000,000'],
    [0.0375, '0.0375'],
    [12.345, '12.3'],
    [1234.5, '1,235'],
  ])('%s -> %s', (n, text) => {
    expect(formatCount(n)).toBe(text);
  });
});

test('formatSig never writes an exponent', () => {
  expect(formatSig(123_456, 3)).toBe('123,000');
  expect(formatSig(1e-7, 3)).toBe('0.000000100');
  expect(formatSig(0.99996, 3)).toBe('1.00');
  expect(formatSig(0, 3)).toBe('0');
});

test('ratios, accuracies, shares, tolerances and plurals', () => {
  expect(formatRatio(2 / 3)).toBe('0.667×');
  expect(formatRatio(1.5)).toBe('1.50×');
  expect(formatAccuracy(9_890, 10_000)).toBe('98.90 %');
  expect(formatAccuracy(1, 3)).toBe('33.33 %');
  expect(formatShare(18, 60)).toBe('30 %');
  expect(formatShare(1, 60)).toBe('1.7 %');
  expect(formatPlain(5)).toBe('5');
  expect(formatPlain(0.05 * 100)).toBe('5');
  expect(formatPlain(0.5)).toBe('0.5');
  expect(plural(1, 'DSP')).toBe('1 DSP');
  expect(plural(2520, 'PE')).toBe('2,520 PEs');
});
