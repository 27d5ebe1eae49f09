/** A document in the format asked for: the one switch between the layouters. */
import { documentCsv } from './csv.js';
import type { Document } from './document.js';
import { documentMarkdown } from './markdown.js';
import { documentText } from './text.js';

/** Output layouts of the text renderers. */
export type TextFormat = 'text' | 'markdown';

/** Every layout of a document: text, Markdown, or its tables as CSV. */
export type DocumentFormat = TextFormat | 'csv';

/** Lays a document out as text, Markdown or CSV. */
export function renderDocument(document: Document, format: DocumentFormat): string {
  if (format === 'csv') return documentCsv(document);
  return format === 'markdown' ? documentMarkdown(document) : documentText(document);
}
