// Markdown pieces shared by the review and the diff: code spans and tables whose cells cannot be
// broken by the names inside them.

const UNSAFE_IN_CELL = /[|\r\n`]/;

/** A code span; `|` is escaped so it stays inside its table cell. */
export function code(text: string): string {
  // The common case, checked first: reviews of thousands of units call this for every cell.
  if (!UNSAFE_IN_CELL.test(text)) return `\`${text}\``;
  const ticks = text.includes('`') ? '``' : '`';
  const pad = ticks === '``' ? ' ' : '';
  return `${ticks}${pad}${text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ')}${pad}${ticks}`;
}

/** Plain text for a cell. */
export function cell(text: string): string {
  if (!UNSAFE_IN_CELL.test(text)) return text;
  return text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n') + '\n';
}
