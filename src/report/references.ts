import type { ReportResults } from '../study/results.js';

/**
 * The report's numbered references: every source of every cost table, each listed once (two
 * tables citing the same document share its number), numbered in the order the tables are
 * listed. A table's `source` names one or more documents separated by `; ` outside parentheses
 * (a parenthesised note may itself hold `; `).
 */
export interface References {
  /** Source texts; reference n is `sources[n - 1]`. */
  readonly sources: readonly string[];
  /** `[3]`, `[1, 2]`: the references of cost table `id` ('' for a table not listed). */
  cite(id: string): string;
  /** `Horowitz 45 nm [3, 4]`: a table's title with its references. */
  titled(id: string): string;
}

/** Splits a source text at `; ` outside parentheses and brackets. */
export function splitSources(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (c === ';' && depth === 0 && text[i + 1] === ' ') {
      parts.push(text.slice(start, i));
      start = i + 2;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** `[14, 10, 11, 12, 16]` -> `10–12, 14, 16`: sorted, three or more in a row as a range. */
function runs(numbers: readonly number[]): string {
  const sorted = [...numbers].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    if (j - i >= 2) parts.push(`${sorted[i]}–${sorted[j]}`);
    else for (let k = i; k <= j; k++) parts.push(String(sorted[k]));
    i = j + 1;
  }
  return parts.join(', ');
}

export function collectReferences(results: ReportResults): References {
  const sources: string[] = [];
  const numbers = new Map<string, number[]>();
  for (const t of results.tables) {
    const own = splitSources(t.source).map((s) => {
      const seen = sources.indexOf(s);
      if (seen >= 0) return seen + 1;
      sources.push(s);
      return sources.length;
    });
    numbers.set(t.id, [...new Set(own)]);
  }
  const cite = (id: string) => {
    const n = numbers.get(id);
    return n === undefined || n.length === 0 ? '' : `[${runs(n)}]`;
  };
  const titled = (id: string) => {
    const title = results.tables.find((t) => t.id === id)?.title ?? id;
    const c = cite(id);
    return c === '' ? title : `${title} ${c}`;
  };
  return { sources, cite, titled };
}
