import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('addersim tables', () => {
  it('lists the seven tables as JSON, each with name, kind, node and sources', () => {
    const r = runCli(['tables', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const tables = JSON.parse(r.stdout);
    expect(tables.map((t: { name: string }) => t.name)).toEqual([
      'asic-40nm-aladdin',
      'asic-45nm-horowitz',
      'cells-45nm',
      'cpu-arm-neoverse-n1',
      'cpu-x86-skylake',
      'fpga-xilinx-7series',
      'fpga-xilinx-ultrascale',
    ]);
    for (const t of tables) {
      expect(Object.keys(t)).toEqual(['name', 'kind', 'node', 'description', 'sources', 'file']);
      expect(t.sources.length).toBeGreaterThan(0);
    }
  });

  it('prints an aligned table by default', () => {
    const r = runCli(['tables']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^name\s+kind\s+node\s+source$/);
    expect(lines).toHaveLength(9);
    expect(lines[3]).toMatch(/^asic-45nm-horowitz\s+asic-op\s+45 nm\s+M\. Horowitz/);
  });

  it('rejects unknown flags with exit 2 and one line', () => {
    const r = runCli(['tables', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
