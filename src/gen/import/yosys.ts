import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../errors.js';

/**
 * Turns a Verilog file into a yosys JSON gate netlist by running yosys as a child process in a
 * temporary folder (removed afterwards):
 *
 *     read_verilog in.v; hierarchy -top TOP; flatten; synth -flatten -top TOP;
 *     abc -g AND,NAND,OR,NOR,XOR,XNOR,MUX; opt_clean; write_json out.json
 *
 * so that only `$_…_` gates and flip-flops are left (cells.ts). The file is copied in under a
 * fixed name, so no user text reaches the script but a checked module name (or -auto-top).
 */

/** A Verilog identifier, the only module names passed to yosys. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]{0,255}$/;
const TIMEOUT_MS = 120_000;

export function yosysToJson(path: string, top: string | undefined): string {
  if (top !== undefined && !IDENTIFIER.test(top))
    throw new InputError(`--top must be a Verilog module name, not ${JSON.stringify(top)}`);
  const folder = mkdtempSync(join(tmpdir(), 'addersim-yosys-'));
  try {
    copyFileSync(path, join(folder, 'in.v'));
    const select = top === undefined ? '-auto-top' : `-top ${top}`;
    const script = [
      'read_verilog in.v',
      `hierarchy ${select}`,
      'flatten',
      `synth -flatten ${select}`,
      'abc -g AND,NAND,OR,NOR,XOR,XNOR,MUX',
      'opt_clean',
      'write_json out.json',
    ].join('; ');
    const run = spawnSync('yosys', ['-q', '-p', script], {
      cwd: folder,
      encoding: 'utf8',
      timeout: TIMEOUT_MS,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.error !== undefined) {
      const code = (run.error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT')
        throw new InputError(
          `${path}: reading Verilog needs yosys, which is not on the PATH (apt-get install yosys), or give a yosys JSON netlist`,
        );
      throw new InputError(`${path}: yosys did not finish (${run.error.message})`);
    }
    if (run.status !== 0)
      throw new InputError(`${path}: yosys could not read it: ${yosysError(run, path)}`);
    return readFileSync(join(folder, 'out.json'), 'utf8');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Yosys' first ERROR line, as "line 3: syntax error, …" (the copied file's name dropped). */
function yosysError(run: { stdout: string; stderr: string; status: number | null }, path: string) {
  const lines = `${run.stderr}\n${run.stdout}`.split('\n').map((l) => l.trim());
  const error = lines.find((l) => l.includes('ERROR:'));
  if (error === undefined) return `exit code ${run.status}`;
  const located = /^in\.v:(\d+): ERROR: (.*)$/.exec(error);
  if (located !== null) return `line ${located[1]}: ${located[2]}`;
  return error.replace(/^.*?ERROR: /, '').replaceAll('in.v', path);
}
