import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../../src/nn/checkpoint.js';
import { importCheckpoint } from '../../../src/nn/import/import-checkpoint.js';

/**
 * The official AdderNet ResNet-20 checkpoint (huawei-noah/AdderNet, models/ResNet20-AdderNet.pth,
 * 1,121,093 bytes, legacy format). It is not shipped: name a copy in ADDERSIM_OFFICIAL_PTH to
 * run this test.
 */
const official = process.env.ADDERSIM_OFFICIAL_PTH;
const OFFICIAL_SHA256 = 'fe3ad7c15573d34cddd9b3ec2eed12d9c2c818e59cd7d0797a954d6f76ea375b';

describe.skipIf(!official)(
  'the official AdderNet ResNet-20 (set ADDERSIM_OFFICIAL_PTH to its .pth to run)',
  () => {
    it('converts it to the same bytes twice, with every resnet20 tensor', () => {
      const file = official!;
      expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(OFFICIAL_SHA256);
      const dir = mkdtempSync(join(tmpdir(), 'addersim-official-'));
      const options = {
        file,
        net: 'resnet20',
        variant: 'addernet',
        mean: [0.4914, 0.4822, 0.4465],
        std: [0.2023, 0.1994, 0.201],
      } as const;
      const a = importCheckpoint({ ...options, out: join(dir, 'a.safetensors') });
      const b = importCheckpoint({ ...options, out: join(dir, 'b.safetensors') });
      expect(a.outSha256).toBe(b.outSha256);
      expect(readFileSync(a.out).equals(readFileSync(b.out))).toBe(true);
      expect(a).toMatchObject({
        format: 'pytorch-legacy',
        tensors: 110,
        ignored: 22,
        parameters: 274072,
      });
      // The reference's range of the trained adder weights: about -58 to 71.
      expect(a.adderWeights!.min).toBeGreaterThan(-59);
      expect(a.adderWeights!.min).toBeLessThan(-57);
      expect(a.adderWeights!.max).toBeGreaterThan(70);
      expect(a.adderWeights!.max).toBeLessThan(72);
      expect(loadModel(a.out).checkpoint.graph.name).toBe('resnet20');
    });
  },
);
