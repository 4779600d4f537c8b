/**
 * A small typed subset of the Atlassian Document Format, enough for readable exports. Text goes into ADF as
 * data (never markup), so values from upstream need no escaping here.
 */
export type AdfMark = { type: 'strong' } | { type: 'em' } | { type: 'code' } | { type: 'link'; attrs: { href: string } };
export interface AdfText { type: 'text'; text: string; marks?: AdfMark[] }
export interface AdfNode { type: string; attrs?: Record<string, unknown>; content?: (AdfNode | AdfText)[] }

export const text = (value: string, ...marks: AdfMark[]): AdfText =>
  // ADF rejects empty text nodes.
  marks.length ? { type: 'text', text: value || ' ', marks } : { type: 'text', text: value || ' ' };
export const strong = (value: string): AdfText => text(value, { type: 'strong' });
export const paragraph = (...content: AdfText[]): AdfNode => ({ type: 'paragraph', content });
export const heading = (level: 1 | 2 | 3 | 4 | 5 | 6, value: string): AdfNode => ({ type: 'heading', attrs: { level }, content: [text(value)] });
export const doc = (...content: AdfNode[]) => ({ type: 'doc', version: 1, content });

export const panel = (panelType: 'info' | 'note' | 'warning' | 'error' | 'success', ...content: AdfNode[]): AdfNode => ({
  type: 'panel',
  attrs: { panelType },
  content,
});

/** Preformatted text (a JSON document, say); ADF code blocks take plain text without marks. */
export const codeBlock = (value: string, language?: string): AdfNode => ({
  type: 'codeBlock',
  ...(language ? { attrs: { language } } : {}),
  content: [{ type: 'text', text: value || ' ' }],
});

/** Cells hold one or more lines; each line becomes a paragraph so exports wrap them sensibly. */
export function table(headers: string[], rows: (AdfText | string)[][][]): AdfNode {
  const cell = (type: 'tableHeader' | 'tableCell', lines: (AdfText | string)[]): AdfNode => ({
    type,
    content: (lines.length ? lines : ['']).map((line) => paragraph(typeof line === 'string' ? text(line) : line)),
  });
  return {
    type: 'table',
    attrs: { isNumberColumnEnabled: false, layout: 'default' },
    content: [
      { type: 'tableRow', content: headers.map((h) => cell('tableHeader', [h])) },
      ...rows.map((row) => ({ type: 'tableRow', content: row.map((lines) => cell('tableCell', lines)) })),
    ],
  };
}
