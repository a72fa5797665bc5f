import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { budgetArchitecture } from '../../../src/budget/budget.js';
import { loadArchitecture } from '../../../src/nn/architectures.js';
import { readOnnx } from '../../../src/nn/onnx/read.js';

/**
 * torchvision's ResNet-18 exported to ONNX (47 MB, not committed; docs/onnx.md gives the
 * export command) counts the multiplies of the built-in resnet18 architecture, and both the
 * multiply-accumulates of forward hooks on torchvision's model (1,814,073,344). Reads the file
 * named by ADDERSIM_ONNX_RESNET18 and skips, saying so, when it is absent.
 */
const file = process.env.ADDERSIM_ONNX_RESNET18;
const present = file !== undefined && existsSync(file);

describe.skipIf(!present)(
  `torchvision ResNet-18 (set ADDERSIM_ONNX_RESNET18 to its .onnx export; ${present ? 'found' : 'absent'})`,
  () => {
    it('has the CNN multiply counts of budget --net resnet18', () => {
      const mine = budgetArchitecture(readOnnx(file as string).arch).totals.cnn;
      const theirs = budgetArchitecture(loadArchitecture('resnet18')).totals.cnn;
      expect(mine.paperMul).toBe(1_814_073_344);
      expect(mine.paperMul).toBe(theirs.paperMul);
      expect(mine.mul).toBe(theirs.mul);
      expect(mine.groups.body).toEqual(theirs.groups.body);
    });
  },
);

/** torchvision MobileNetV2 (ADDERSIM_ONNX_MOBILENETV2): 300,774,272 multiply-accumulates. */
const mobile = process.env.ADDERSIM_ONNX_MOBILENETV2;
const mobilePresent = mobile !== undefined && existsSync(mobile);

describe.skipIf(!mobilePresent)(
  `torchvision MobileNetV2 (set ADDERSIM_ONNX_MOBILENETV2 to its .onnx export; ${mobilePresent ? 'found' : 'absent'})`,
  () => {
    it('counts its multiply-accumulates, depthwise layers as depthwise adder and binary layers', () => {
      const report = budgetArchitecture(readOnnx(mobile as string).arch);
      expect(report.totals.cnn.paperMul).toBe(300_774_272);
      const depthwise = report.layers.filter((l) => (l.groups ?? 1) > 1);
      expect(depthwise).toHaveLength(17);
      for (const l of depthwise) {
        expect(l.addernet?.kind).toBe('adder');
        expect(l.bnn?.kind).toBe('binary');
        expect(l.addernet?.work?.K).toBe(9);
      }
    });
  },
);
