import type { Block } from './document.js';

/**
 * Escapes text for GitHub Markdown: the characters that could start emphasis, code, links or
 * HTML, or (inside tables) end a cell, and a leading character that would make a line a quote,
 * heading or list item. An underscore inside a word (`aladdin_adder`) cannot start emphasis in
 * GitHub Markdown and is left alone, so file names stay readable.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*[\]<|]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, (c) => `\\${c}`)
    .replace(/^([>#+-])/, '\\$1');
}

function tableLines(block: Extract<Block, { kind: 'table' }>): string[] {
  const row = (cells: readonly string[]) =>
    `| ${cells.map((c) => escapeMarkdown(c).replace(/\r?\n/g, ' ')).join(' | ')} |`;
  const rule = `| ${block.header.map((_, i) => (block.numeric[i] ? '---:' : '---')).join(' | ')} |`;
  return [row(block.header), rule, ...block.rows.map(row)];
}

function render(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${escapeMarkdown(block.text)}`;
    case 'paragraph':
      return escapeMarkdown(block.text);
    case 'list':
      return block.items
        .flatMap((item) => [
          `- ${escapeMarkdown(item.text)}`,
          ...(item.sub ?? []).map((s) => `  - ${escapeMarkdown(s)}`),
        ])
        .join('\n');
    case 'table':
      return tableLines(block).join('\n');
    case 'image':
      // Relative path, so the report folder can be moved or committed as a whole.
      return `![${escapeMarkdown(block.alt)}](${block.file})`;
    case 'columns':
      return block.columns.flatMap((col) => col.map(render)).join('\n\n');
  }
}

/** report.md: blocks separated by blank lines, one trailing newline. */
export function renderMarkdown(blocks: readonly Block[]): string {
  return `${blocks.map(render).join('\n\n')}\n`;
}
