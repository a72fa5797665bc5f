import { describe, expect, it } from 'vitest';
import { kmeans1d } from '../../src/quant/kmeans.js';
import { adderGroups } from '../../src/quant/weights.js';

describe('1-D k-means', () => {
  it('separates well-separated clusters and numbers them by ascending centre', () => {
    const values = [9.1, 0.2, 5.0, 0.1, 9.0, 5.2, 0.3, 4.9];
    expect([...kmeans1d(values, 3)]).toEqual([2, 0, 1, 0, 2, 1, 0, 1]);
  });

  it('returns fewer groups when values coincide, numbered without gaps', () => {
    const labels = kmeans1d([1, 1, 1, 1], 3);
    expect(new Set(labels).size).toBe(1);
    expect(Math.max(...labels)).toBe(0);
  });

  it('is deterministic', () => {
    const values = Array.from({ length: 50 }, (_, i) => Math.sin(i) * 10);
    expect([...kmeans1d(values, 4)]).toEqual([...kmeans1d(values, 4)]);
  });

  it('gives each channel group a range: min(activation range, largest max|w| of the group)', () => {
    // Channel 0: max|w| = 0.5, channel 1: 0.6, channel 2: 7; activation range 2.
    const w = Float32Array.of(0.5, -0.1, 0.6, 0.2, -7, 3);
    const g = adderGroups(w, 3, 2, 2, 2);
    expect([...g.channelGroup]).toEqual([0, 0, 1]);
    expect(g.groupRange[0]).toBeCloseTo(0.6, 6);
    expect(g.groupRange[1]).toBe(2);
  });
});
