import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/markdown.js';
import { memorySection } from '../../src/report/sections/memory.js';
import type { MemoryByLevel } from '../../src/study/results.js';
import { conform } from '../../src/study/results-check.js';
import { RESULTS_SCHEMA } from '../../src/study/results-schema.js';
import { makeFixture } from './fixture.js';

const level = (level: string, capacityKiB: number | null, accessPj: number, energyPj: number) => ({
  level,
  capacityKiB,
  accessPj,
  readBits: 1000,
  writeBits: 10,
  energyPj,
});

const memory: MemoryByLevel[] = (['addernet', 'cnn', 'bnn'] as const).map((network) => ({
  network,
  table: 'asic-45nm-horowitz',
  bits: 8,
  accelerator: 'accelerator-default',
  memoryTable: 'memory-45nm',
  dataflow: 'ws',
  weights: 'resident',
  levels: [
    level('weight buffer', 64, 25.3, 100),
    level('activation buffer', 64, 25.3, 300),
    level('DRAM', null, 1300, 600),
  ],
}));

describe('memory energy by level', () => {
  it('is a results field the schema accepts, rendered with the buffer sizes and shares', () => {
    const results = { ...makeFixture(), memory };
    expect(() => conform(RESULTS_SCHEMA, results, 'results.json')).not.toThrow();
    const md = renderMarkdown(memorySection(results));
    expect(md).toMatch(/### Memory energy by level/);
    expect(md).toMatch(/weight buffer 64 KiB, 25\.3 pJ per 64-bit access/);
    expect(md).toMatch(
      /\| AdderNet \| resident \| 100 pJ \(10\.0 %\) \| 300 pJ \(30\.0 %\) \| 600 pJ \(60\.0 %\) \| 1\.00 nJ \|/,
    );
  });

  it('renders nothing for results without memory levels', () => {
    expect(memorySection(makeFixture())).toEqual([]);
  });
});
