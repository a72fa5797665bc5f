/**
 * Toggle counts read from a VCD file written by an event-driven simulator (Icarus Verilog):
 * the independent side of the timing-aware activity cross-check.
 *
 * Per variable and bit: the value at the end of each time step (the last change listed under a
 * `#time` wins, so several updates within one instant count as the one change they settle
 * to), and a toggle whenever that value differs from the previous step's, counted only for
 * steps at time >= `from` (skipping the initial settling from x). Any x or z at or after
 * `from` is an error: the circuit should be fully known by then.
 */
export function vcdToggles(text: string, from: number): Map<string, Float64Array> {
  const lines = text.split('\n');
  const byId = new Map<string, { name: string; width: number }[]>();
  let k = 0;
  for (; k < lines.length; k++) {
    const line = lines[k].trim();
    if (line.startsWith('$enddefinitions')) break;
    const m = /^\$var\s+\S+\s+(\d+)\s+(\S+)\s+(\S+)(?:\s+\[(\d+):(\d+)\])?\s+\$end$/.exec(line);
    if (!m) continue;
    const width = Number(m[1]);
    if (m[4] !== undefined && (Number(m[4]) !== width - 1 || Number(m[5]) !== 0)) {
      throw new Error(`vcd: ${m[3]} is not declared [${width - 1}:0]`);
    }
    byId.set(m[2], [...(byId.get(m[2]) ?? []), { name: m[3], width }]);
  }
  const value = new Map<string, string>();
  const counts = new Map<string, Float64Array>();
  for (const vars of byId.values()) {
    for (const v of vars) counts.set(v.name, new Float64Array(v.width));
  }
  let time = 0;
  let pending = new Map<string, string>();
  const flush = () => {
    for (const [id, raw] of pending) {
      const vars = byId.get(id);
      if (!vars) continue;
      const width = vars[0].width;
      const bits = raw.length >= width ? raw.slice(-width) : raw.padStart(width, pad(raw[0]));
      const old = value.get(id);
      value.set(id, bits);
      if (time < from) continue;
      for (let i = 0; i < width; i++) {
        const now = bits[width - 1 - i];
        if (now !== '0' && now !== '1')
          throw new Error(`vcd: ${vars[0].name}[${i}] is ${now} at ${time}`);
        const before = old?.[width - 1 - i];
        if (before !== undefined && before !== now && (before === '0' || before === '1')) {
          for (const v of vars) counts.get(v.name)![i]++;
        }
      }
    }
    pending = new Map();
  };
  for (k++; k < lines.length; k++) {
    const line = lines[k].trim();
    if (line === '' || line.startsWith('$')) continue;
    if (line[0] === '#') {
      flush();
      time = Number(line.slice(1));
    } else if (line[0] === 'b' || line[0] === 'B') {
      const [bits, id] = line.slice(1).split(/\s+/);
      pending.set(id, bits.toLowerCase());
    } else {
      pending.set(line.slice(1), line[0].toLowerCase());
    }
  }
  flush();
  return counts;
}

/** How a shorter vector value is extended on the left (IEEE 1364 §18.2.1). */
function pad(first: string): string {
  return first === 'x' || first === 'z' ? first : '0';
}
