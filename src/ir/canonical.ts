import type { Net, Netlist, Port } from './netlist.js';

/**
 * The one canonical text form of a netlist, for golden tests and reviews (a reviewer reads
 * the circuit; a refactor that claims no behaviour change leaves it byte-identical).
 *
 * It does not depend on net ids or on the order cells were created in: cells are listed in
 * the order a depth-first walk meets them, from the output ports (in declaration order, bit 0
 * first) and then from the inputs of the registers reached, each cell's inputs walked in pin
 * order, a cell printed after the cells driving it. Nets are renamed: `0` and `1` the
 * constants, `a[3]` bit 3 of input port a, `q<k>` register k's output, `n<k>` cell outputs in
 * listing order. Cells and registers no output reaches come last, under `# unreachable`
 * (walked from each in creation order). Buses are printed LSB first.
 *
 *   netlist ripple-carry-1 (arch=ripple-carry width=1)
 *   input a[1] -- first addend
 *   input b[1] -- second addend
 *   input cin[1] -- carry-in
 *   n0 n1 = fa a[0] b[0] cin[0]
 *   output sum[1] = n0 -- a + b + cin, low width bits
 *   output cout[1] = n1 -- carry-out: bit width of a + b + cin read unsigned
 *
 * Registers print as `q0 = register d=n5 init=0`, after the cells; input ports marked
 * signed say so (`input a[8] signed`).
 */
export function toCanonicalText(netlist: Netlist): string {
  const names = new Map<Net, string>([
    [0, '0'],
    [1, '1'],
  ]);
  for (const port of netlist.inputs)
    port.bits.forEach((net, i) => names.set(net, `${port.name}[${i}]`));
  const driver = new Map<Net, number>();
  netlist.cells.forEach((cell, ci) => {
    for (const o of cell.outputs) driver.set(o, ci);
  });
  const registerOf = new Map<Net, number>();
  netlist.registers.forEach((r, ri) => registerOf.set(r.q, ri));

  const cellLines: string[] = [];
  const registerOrder: number[] = [];
  const placed = new Uint8Array(netlist.cells.length);
  let nextNet = 0;
  const placeCell = (ci: number): void => {
    placed[ci] = 1;
    const cell = netlist.cells[ci];
    for (const o of cell.outputs) names.set(o, `n${nextNet++}`);
    cellLines.push(
      `${cell.outputs.map(name).join(' ')} = ${cell.kind} ${cell.inputs.map(name).join(' ')}`,
    );
  };
  const name = (net: Net): string => names.get(net) ?? `?${net}`;

  /** Iterative post-order walk (deep ripple chains would overflow a recursive one). */
  const walk = (root: Net): void => {
    const stack: { net: Net; pin: number }[] = [{ net: root, pin: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (names.has(top.net)) {
        stack.pop();
        continue;
      }
      const ri = registerOf.get(top.net);
      if (ri !== undefined) {
        names.set(top.net, `q${registerOrder.length}`);
        registerOrder.push(ri);
        stack.pop();
        continue;
      }
      const ci = driver.get(top.net);
      if (ci === undefined) {
        stack.pop(); // undriven: validation reports it; printed as ?<id>
        continue;
      }
      const inputs = netlist.cells[ci].inputs;
      if (top.pin < inputs.length) {
        stack.push({ net: inputs[top.pin++], pin: 0 });
        continue;
      }
      if (!placed[ci]) placeCell(ci);
      stack.pop();
    }
  };
  for (const port of netlist.outputs) for (const net of port.bits) walk(net);
  for (let k = 0; k < registerOrder.length; k++) walk(netlist.registers[registerOrder[k]].d);

  const lines: string[] = [header(netlist)];
  for (const port of netlist.inputs) lines.push(`input ${portHead(port)}${docOf(port)}`);
  lines.push(...cellLines);
  for (const [k, ri] of registerOrder.entries()) {
    const r = netlist.registers[ri];
    lines.push(`q${k} = register d=${name(r.d)} init=${r.init}`);
  }
  for (const port of netlist.outputs)
    lines.push(`output ${portHead(port)} = ${port.bits.map(name).join(' ')}${docOf(port)}`);

  const unreachedRegisters = netlist.registers
    .map((_, ri) => ri)
    .filter((ri) => !registerOrder.includes(ri));
  if (unreachedRegisters.length > 0 || placed.includes(0)) {
    lines.push('# unreachable');
    unreachedRegisters.forEach((ri, k) => {
      names.set(netlist.registers[ri].q, `q${registerOrder.length + k}`);
    });
    const before = cellLines.length;
    netlist.cells.forEach((cell, ci) => {
      if (!placed[ci]) walk(cell.outputs[0]);
    });
    for (const ri of unreachedRegisters) walk(netlist.registers[ri].d);
    lines.push(...cellLines.slice(before));
    for (const ri of unreachedRegisters) {
      const r = netlist.registers[ri];
      lines.push(`${name(r.q)} = register d=${name(r.d)} init=${r.init}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function header(netlist: Netlist): string {
  const params = Object.entries(netlist.params ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  return params === '' ? `netlist ${netlist.name}` : `netlist ${netlist.name} (${params})`;
}

function portHead(port: Port): string {
  return `${port.name}[${port.bits.length}]${port.signed ? ' signed' : ''}`;
}

function docOf(port: Port): string {
  return port.doc ? ` -- ${port.doc}` : '';
}
