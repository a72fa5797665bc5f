import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadMnist } from '../../src/nn/data/mnist.js';
import { measureNetwork, measureWithPredictions } from '../../src/pipeline/measure.js';
import { prepared } from '../engine/fixtures.js';

/**
 * Test images chosen by index run exactly the images named: their predictions equal those of a
 * run over the first images at the same positions, and the correct count is checked against the
 * labels here.
 */
describe('measureNetwork on images chosen by index', () => {
  const p = prepared('addernet');
  const labels = loadMnist('test').labels;

  it('predicts what a run over the first images predicts at those indices', async () => {
    const first = await measureWithPredictions(p, {
      limit: 12,
      float: false,
      tables: [],
      threads: 1,
    });
    const picked = [2, 5, 11];
    const chosen = await measureWithPredictions(p, {
      images: picked,
      float: false,
      tables: [],
      threads: 1,
    });
    expect([...chosen.predictions]).toEqual(picked.map((i) => first.predictions[i]));
    const correct = picked.filter((img, k) => chosen.predictions[k] === labels[img]).length;
    expect(chosen.result.correct).toBe(correct);
    expect(chosen.result.images).toBe(3);
  });

  it('refuses indices out of order or range, and float accuracy over chosen images', async () => {
    await expect(measureNetwork(p, { images: [3, 1], float: false, tables: [] })).rejects.toThrow(
      InputError,
    );
    await expect(measureNetwork(p, { images: [10_000], float: false, tables: [] })).rejects.toThrow(
      'images must be ascending distinct test image indices below 10000',
    );
    await expect(measureNetwork(p, { images: [4], tables: [] })).rejects.toThrow(
      'float must be false when images are chosen by index',
    );
  });
});
