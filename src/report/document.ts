/**
 * The report as a list of blocks, independent of output format: the Markdown and HTML writers
 * both render this one structure, so the two files always hold the same sections, numbers and
 * sentences. All text here is plain (writers escape it for their format).
 */
export interface ListItem {
  readonly text: string;
  /** One level of nested items (provenance lines under a cost). */
  readonly sub?: readonly string[];
}

export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly ListItem[] }
  | {
      readonly kind: 'table';
      readonly header: readonly string[];
      readonly rows: readonly (readonly string[])[];
      /** Columns to align right (numbers). */
      readonly numeric: readonly boolean[];
    }
  | {
      readonly kind: 'image';
      /** Chart id; the HTML writer looks up its PNG bytes by it. */
      readonly chart: string;
      /** Path relative to the report folder. */
      readonly file: string;
      readonly alt: string;
      readonly width: number;
      readonly height: number;
    }
  | {
      /**
       * Blocks shown side by side where the page is wide enough (HTML), one after the other
       * otherwise (Markdown): the headline table beside its chart.
       */
      readonly kind: 'columns';
      readonly columns: readonly (readonly Block[])[];
    };

/** The charts a document may show (a rendered chart without its bytes). */
export interface ChartRef {
  readonly id: string;
  readonly file: string;
  readonly title: string;
  readonly alt: string;
  readonly width: number;
  readonly height: number;
}

export const heading = (level: 1 | 2 | 3, text: string): Block => ({
  kind: 'heading',
  level,
  text,
});
export const paragraph = (text: string): Block => ({ kind: 'paragraph', text });
export const list = (items: readonly (string | ListItem)[]): Block => ({
  kind: 'list',
  items: items.map((i) => (typeof i === 'string' ? { text: i } : i)),
});
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: readonly boolean[],
): Block {
  return { kind: 'table', header, rows, numeric };
}

/** The image block of chart `id`, or nothing when that chart was not rendered. */
export function image(charts: readonly ChartRef[], id: string): Block[] {
  const c = charts.find((x) => x.id === id);
  return c === undefined
    ? []
    : [{ kind: 'image', chart: c.id, file: c.file, alt: c.alt, width: c.width, height: c.height }];
}

export const columns = (...cols: (readonly Block[])[]): Block => ({
  kind: 'columns',
  columns: cols,
});

export const NO_DATA = paragraph('No data in this run.');
