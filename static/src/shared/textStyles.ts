import { token } from '@atlaskit/tokens';
import type { CSSProperties } from 'react';

// Fallbacks are the light theme's values: token() has none without Atlassian's Babel plugin, and a host that cannot
// theme must still render readable text.
const FONT_SMALL =
  'normal 400 0.75rem/1rem "Atlassian Sans", ui-sans-serif, -apple-system, BlinkMacSystemFont, "Segoe UI", Ubuntu, "Helvetica Neue", sans-serif';
const FONT_CODE = '"Atlassian Mono", ui-monospace, Menlo, "Segoe UI Mono", "Ubuntu Mono", monospace';

/** Secondary lines in a cell: smaller and subtler than the cell's main text. */
export const secondaryText: CSSProperties = { color: token('color.text.subtle', '#505258'), font: token('font.body.small', FONT_SMALL) };

/** "None", "—": placeholders for missing values. */
export const placeholderText: CSSProperties = { color: token('color.text.subtlest', '#6B6E76') };

/** Versions, URLs. */
export const codeText: CSSProperties = { fontFamily: token('font.family.code', FONT_CODE) };

export const smallFont = token('font.body.small', FONT_SMALL);
