/** A document in the format asked for: the one switch between the two layouters. */
import type { Document } from './document.js';
import { documentMarkdown } from './markdown.js';
import { documentText } from './text.js';

/** Output layouts of the text renderers. */
export type TextFormat = 'text' | 'markdown';

/** Lays a document out as text or Markdown. */
export function renderDocument(document: Document, format: TextFormat): string {
  return format === 'markdown' ? documentMarkdown(document) : documentText(document);
}
