/**
 * Number formatting for the human-readable outputs (Markdown, HTML, chart labels, the verdict).
 * JSON and CSV keep exact values and never pass through here. Everything is computed by hand
 * rather than with `toLocaleString`, so the text does not depend on the machine's locale.
 */

/** Rounds to `digits` significant digits and prints without an exponent (`0.0300`, `12.3`, `1230`). */
export function formatSig(value: number, digits = 3): string {
  if (value === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const rounded = Number(value.toPrecision(digits));
  // Digits after the point: enough for `digits` significant digits, none for large values.
  const roundedMagnitude = Math.floor(Math.log10(Math.abs(rounded)));
  const decimals = Math.max(0, digits - 1 - Math.max(magnitude, roundedMagnitude));
  const text = rounded.toFixed(decimals);
  const [whole, fraction] = text.split('.');
  return fraction === undefined ? groupThousands(whole) : `${groupThousands(whole)}.${fraction}`;
}

/** `1234567` -> `1,234,567`; keeps a leading minus sign. */
export function groupThousands(digits: string): string {
  const negative = digits.startsWith('-');
  const body = negative ? digits.slice(1) : digits;
  const grouped = body.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return negative ? `-${grouped}` : grouped;
}

/**
 * A count for people: integers exact with thousands separators; fractional values (modelled
 * cycles) with 3 significant digits below 1000 and rounded to the integer above.
 */
export function formatCount(value: number): string {
  if (Number.isInteger(value)) return groupThousands(value.toFixed(0));
  if (Math.abs(value) < 1000) return formatSig(value, 3);
  return groupThousands(Math.round(value).toFixed(0));
}

const ENERGY_UNITS: readonly [string, number][] = [
  ['fJ', 1e-3],
  ['pJ', 1],
  ['nJ', 1e3],
  ['µJ', 1e6],
  ['mJ', 1e9],
  ['J', 1e12],
];

/**
 * The unit a value in pJ reads best in: the largest of pJ..J whose scaled value is >= 1 after
 * rounding to 3 significant digits (so 999.96 pJ reads 1.00 nJ); fJ below 0.001 pJ.
 */
export function energyUnit(pj: number): { unit: string; scale: number } {
  const abs = Math.abs(Number(pj.toPrecision(3)));
  if (abs > 0 && abs < 1e-3) return { unit: 'fJ', scale: 1e-3 };
  let best = ENERGY_UNITS[1];
  for (const u of ENERGY_UNITS.slice(1)) if (abs >= u[1]) best = u;
  return { unit: best[0], scale: best[1] };
}

/** An energy given in pJ, in pJ/nJ/µJ/mJ with 3 significant digits: `0.0300 pJ`, `12.3 nJ`. */
export function formatEnergy(pj: number): string {
  const { unit, scale } = energyUnit(pj);
  return `${formatSig(pj / scale, 3)} ${unit}`;
}

/** `correct` of `total` as a percentage with two decimals: `99.12 %`. */
export function formatAccuracy(correct: number, total: number): string {
  return `${percent(correct, total).toFixed(2)} %`;
}

export function percent(correct: number, total: number): number {
  return (100 * correct) / total;
}

/** A ratio with 3 significant digits and a times sign: `1.63×`. */
export function formatRatio(ratio: number): string {
  return `${formatSig(ratio, 3)}×`;
}

/** A share of a whole as a whole-number percentage: `45 %` (one decimal below 10 %). */
export function formatShare(part: number, whole: number): string {
  const p = whole === 0 ? 0 : (100 * part) / whole;
  return `${p < 10 ? p.toFixed(1) : p.toFixed(0)} %`;
}

export function formatArea(um2: number): string {
  return `${formatSig(um2, 3)} µm²`;
}

export function formatDelay(ns: number): string {
  return `${formatSig(ns, 3)} ns`;
}

/** A tolerance or setting as written, up to 3 significant digits: `5`, `0.5`, `0.25`. */
export function formatPlain(value: number): string {
  return String(Number(value.toPrecision(3)));
}

/** `1 DSP`, `2 DSPs`, with the count formatted by formatCount. */
export function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}

/** `int8` for 8-bit fixed-point operands. */
export function intLabel(bits: number): string {
  return `int${bits}`;
}

/** A time span for people: seconds below 2 minutes, minutes below 2 hours, then hours. */
export function formatDuration(seconds: number): string {
  if (seconds < 120) return `${seconds.toFixed(0)} s`;
  if (seconds < 7200) return `${(seconds / 60).toFixed(0)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
